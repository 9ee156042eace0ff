// Pure rules for a task's derived status and percent (one place for API, UI and brief).
import type { TaskStatus } from "@/lib/schemas/task";
import { isFinished, isInFlight } from "@/lib/server/phases/phase-rules";

export type PhaseFacts = {
  key: string;
  status: string;
  position: number;
  progressCurrent: number | null;
  progressTotal: number | null;
};

export type TaskFacts = {
  phases: PhaseFacts[];
  openBlockers: number;
  pendingApprovals: number;
  checkpoints: number;
  lastActivityAt: Date;
  staleAfterSeconds: number;
};

export function deriveTaskStatus(facts: TaskFacts, now: Date = new Date()): TaskStatus {
  const { phases } = facts;
  if (phases.length > 0 && phases.every((p) => isFinished(p.status))) return "done";
  if (phases.some((p) => p.status === "failed")) return "failed";
  if (facts.pendingApprovals > 0 || phases.some((p) => p.status === "awaiting_approval")) return "awaiting_approval";
  if (facts.openBlockers > 0) return "blocked";
  const started = facts.checkpoints > 0 || phases.some((p) => p.status !== "pending");
  if (!started) return "pending";
  if (now.getTime() - facts.lastActivityAt.getTime() > facts.staleAfterSeconds * 1000) return "stale";
  return "active";
}

/** Fraction (0..1) of a phase's own progress, when it reports one. */
export function phaseFraction(phase: Pick<PhaseFacts, "progressCurrent" | "progressTotal">): number | null {
  if (phase.progressCurrent === null || !phase.progressTotal) return null;
  return Math.min(1, Math.max(0, phase.progressCurrent / phase.progressTotal));
}

/** Done phases count whole, the active phase counts by its current/total. */
export function taskPercent(phases: PhaseFacts[]): number {
  if (phases.length === 0) return 0;
  let units = 0;
  for (const phase of phases) {
    if (isFinished(phase.status)) units += 1;
    else if (isInFlight(phase.status)) units += phaseFraction(phase) ?? 0;
  }
  return roundPercent((units / phases.length) * 100);
}

export function roundPercent(value: number): number {
  return Math.round(value * 10) / 10;
}

/** The phase work is on: the first in flight, else the first not finished. */
export function currentPhase<P extends PhaseFacts>(phases: P[]): P | null {
  const ordered = [...phases].sort((a, b) => a.position - b.position);
  return (
    ordered.find((p) => isInFlight(p.status)) ??
    ordered.find((p) => p.status === "failed") ??
    ordered.find((p) => !isFinished(p.status) && p.status !== "rolled_back") ??
    null
  );
}
