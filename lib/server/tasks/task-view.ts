// Presenter: turns task rows into the JSON the API, the dashboard and the brief share.
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/server/db/transaction";
import { currentPhase, deriveTaskStatus, phaseFraction, roundPercent, taskPercent } from "@/lib/server/tasks/derive-status";
import { toCheckpointView } from "@/lib/server/checkpoints/checkpoint-view";
import { toBlockerView } from "@/lib/server/blockers/blocker-view";

type PhaseRow = Prisma.PhaseGetPayload<object>;
type ApprovalRow = Prisma.ApprovalGetPayload<object>;

export const taskSummaryInclude = {
  phases: { orderBy: { position: "asc" } },
  _count: { select: { blockers: { where: { status: "open" } }, approvals: { where: { status: "pending" } } } },
} as const satisfies Prisma.TaskInclude;

type TaskSummaryRow = Prisma.TaskGetPayload<{ include: typeof taskSummaryInclude }>;

export function toPhaseView(phase: PhaseRow) {
  const fraction = phaseFraction(phase);
  return {
    key: phase.key,
    name: phase.name,
    position: phase.position,
    status: phase.status,
    requiresApproval: phase.requiresApproval,
    completionCriteria: phase.completionCriteria as string[],
    verification: phase.verification as { name: string; command?: string }[],
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
export type PhaseView = ReturnType<typeof toPhaseView>;

/** An approval without its (possibly 8 MiB) artifact content. */
export function toApprovalSummary(approval: ApprovalRow, phaseKey: string, taskKey: string) {
  return {
    id: approval.id,
    task: taskKey,
    phase: phaseKey,
    title: approval.title,
    summary: approval.summary,
    status: approval.status,
    artifactName: approval.artifactName,
    artifactContentType: approval.artifactContentType,
    artifactSha256: approval.artifactSha256,
    requestedBy: approval.requestedBy,
    decidedBy: approval.decidedBy,
    comment: approval.comment,
    expiresAt: approval.expiresAt.toISOString(),
    onExpiry: approval.onExpiry,
    decidedAt: approval.decidedAt?.toISOString() ?? null,
    createdAt: approval.createdAt.toISOString(),
  };
}
export type ApprovalSummary = ReturnType<typeof toApprovalSummary>;

export function toTaskSummary(task: TaskSummaryRow, now: Date = new Date()) {
  const phases = task.phases.map((p) => ({ ...p, progressCurrent: p.progressCurrent, progressTotal: p.progressTotal }));
  const openBlockers = task._count.blockers;
  const pendingApprovals = task._count.approvals;
  const checkpoints = task.checkpointSeq;
  const status = deriveTaskStatus(
    { phases, openBlockers, pendingApprovals, checkpoints, lastActivityAt: task.lastActivityAt, staleAfterSeconds: task.staleAfterSeconds },
    now,
  );
  const current = currentPhase(phases);
  return {
    key: task.key,
    title: task.title,
    description: task.description,
    status,
    progress: {
      percent: status === "done" ? 100 : taskPercent(phases),
      phasesDone: phases.filter((p) => p.status === "done" || p.status === "skipped").length,
      phasesTotal: phases.length,
    },
    currentPhase: current ? toPhaseView(current) : null,
    counts: { openBlockers, pendingApprovals, checkpoints },
    staleAfterSeconds: task.staleAfterSeconds,
    playbook: task.playbookKey,
    startedAt: task.startedAt?.toISOString() ?? null,
    lastActivityAt: task.lastActivityAt.toISOString(),
    createdAt: task.createdAt.toISOString(),
    updatedAt: task.updatedAt.toISOString(),
  };
}
export type TaskSummary = ReturnType<typeof toTaskSummary>;

/** Everything `GET /tasks/{key}` returns. */
export async function loadTaskDetail(tx: Tx, taskId: number, now: Date = new Date()) {
  const task = await tx.task.findUniqueOrThrow({ where: { id: taskId }, include: taskSummaryInclude });
  const [openBlockers, pendingApprovals, latestCheckpoint] = await Promise.all([
    tx.blocker.findMany({ where: { taskId, status: "open" }, orderBy: { id: "asc" } }),
    tx.approval.findMany({ where: { taskId, status: "pending" }, include: { phase: { select: { key: true } } }, orderBy: { createdAt: "asc" } }),
    tx.checkpoint.findFirst({ where: { taskId }, orderBy: { seq: "desc" } }),
  ]);
  return {
    ...toTaskSummary(task, now),
    notes: task.notes,
    phases: task.phases.map(toPhaseView),
    openBlockers: openBlockers.map(toBlockerView),
    pendingApprovals: pendingApprovals.map((a) => toApprovalSummary(a, a.phase.key, task.key)),
    latestCheckpoint: latestCheckpoint ? toCheckpointView(latestCheckpoint, task.key) : null,
  };
}
export type TaskDetail = Awaited<ReturnType<typeof loadTaskDetail>>;
