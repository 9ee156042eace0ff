// After a gate is settled (approved, rejected, expired, superseded) the phase stops waiting:
// it goes back to `pending`, ready for the agent to start it (approved) or to rework and ask again.
import type { Tx } from "@/lib/server/db/transaction";
import { applyPhaseChange } from "@/lib/server/phases/apply-phase-status";
import { phaseViewInclude, toPhaseView } from "@/lib/server/phases/phase-view";

export async function releasePhase(tx: Tx, phaseId: number, now: Date) {
  const phase = await tx.phase.findUniqueOrThrow({ where: { id: phaseId }, include: phaseViewInclude });
  if (phase.status !== "awaiting_approval") return toPhaseView(phase);
  return toPhaseView(await applyPhaseChange(tx, phase, { status: "pending" }, now));
}
