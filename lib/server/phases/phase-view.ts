// Presenter: a phase row (with its latest approval) as the API, the dashboard and the brief show it.
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/server/db/transaction";
import type { PhaseView } from "@/lib/schemas/phase";
import { phaseFraction, roundPercent } from "@/lib/server/tasks/derive-status";
import { gateState } from "@/lib/server/phases/gate-rules";
import { latestApprovalQuery } from "@/lib/server/phases/approval-gate";

/** Include this wherever phases are loaded for a view: the gate state needs the latest approval. */
export const phaseViewInclude = { approvals: latestApprovalQuery } as const satisfies Prisma.PhaseInclude;

export type PhaseViewRow = Prisma.PhaseGetPayload<{ include: typeof phaseViewInclude }>;

export function toPhaseView(phase: PhaseViewRow): PhaseView {
  const fraction = phaseFraction(phase);
  return {
    key: phase.key,
    name: phase.name,
    position: phase.position,
    status: phase.status as PhaseView["status"],
    requiresApproval: phase.requiresApproval,
    requiredApprovals: phase.requiredApprovals,
    preventSelfReview: phase.preventSelfReview,
    gate: gateState(phase.requiresApproval, phase.approvals[0] ?? null),
    completionCriteria: phase.completionCriteria as string[],
    verification: phase.verification as PhaseView["verification"],
    rollback: phase.rollback,
    progress:
      phase.progressCurrent === null
        ? null
        : {
            current: phase.progressCurrent,
            total: phase.progressTotal,
            unit: phase.progressUnit,
            percent: fraction === null ? null : roundPercent(fraction * 100),
          },
    resumeFrom: phase.resumeFrom,
    agent: phase.agent,
    startedAt: phase.startedAt?.toISOString() ?? null,
    completedAt: phase.completedAt?.toISOString() ?? null,
    updatedAt: phase.updatedAt.toISOString(),
  };
}

export async function loadPhaseView(tx: Tx, phaseId: number): Promise<PhaseView> {
  return toPhaseView(await tx.phase.findUniqueOrThrow({ where: { id: phaseId }, include: phaseViewInclude }));
}
