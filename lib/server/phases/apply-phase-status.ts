// Moves a phase to a new status, keeping its timestamps, progress, lane and approval in step.
import type { Tx } from "@/lib/server/db/transaction";
import type { Progress } from "@/lib/schemas/common";
import type { PhaseStatus } from "@/lib/schemas/phase";
import { isFinished } from "@/lib/server/phases/phase-rules";
import { consumesApproval } from "@/lib/server/phases/gate-rules";
import { consumeApproval } from "@/lib/server/phases/approval-gate";
import { phaseViewInclude } from "@/lib/server/phases/phase-view";

type PhaseRow = Awaited<ReturnType<Tx["phase"]["findUniqueOrThrow"]>>;

export type PhaseChange = { status?: PhaseStatus; progress?: Progress; agent?: string; resumeFrom?: string };

/** The one writer of a phase's status: the approval a move uses up is consumed in the same transaction. */
export async function applyPhaseChange(tx: Tx, phase: PhaseRow, change: PhaseChange, now: Date = new Date()) {
  const status = change.status ?? phase.status;
  const entering = change.status !== undefined && change.status !== phase.status;
  if (entering && consumesApproval(phase.status, status)) await consumeApproval(tx, phase.id, now);
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
      ...(entering && isFinished(status) && { completedAt: now }),
      ...(entering && (status === "active" || status === "pending") && { completedAt: null }),
    },
    include: phaseViewInclude,
  });
}
