// Moves a phase to a new status, keeping its timestamps, progress and lane in step.
import type { Tx } from "@/lib/server/db/transaction";
import type { Progress } from "@/lib/schemas/common";
import type { PhaseStatus } from "@/lib/schemas/phase";

type PhaseRow = Awaited<ReturnType<Tx["phase"]["findUniqueOrThrow"]>>;

export type PhaseChange = { status?: PhaseStatus; progress?: Progress; agent?: string; resumeFrom?: string };

export async function applyPhaseChange(tx: Tx, phase: PhaseRow, change: PhaseChange, now: Date = new Date()) {
  const status = change.status ?? phase.status;
  const entering = change.status !== undefined && change.status !== phase.status;
  return tx.phase.update({
    where: { id: phase.id },
    data: {
      status,
      ...(change.progress && {
        progressCurrent: change.progress.current,
        progressTotal: change.progress.total ?? phase.progressTotal,
        progressUnit: change.progress.unit ?? phase.progressUnit,
      }),
      ...(change.agent !== undefined && { agent: change.agent }),
      ...(change.resumeFrom !== undefined && { resumeFrom: change.resumeFrom }),
      ...(entering && status === "active" && !phase.startedAt && { startedAt: now }),
      ...(entering && (status === "done" || status === "skipped") && { completedAt: now }),
      ...(entering && (status === "active" || status === "pending") && { completedAt: null }),
    },
  });
}
