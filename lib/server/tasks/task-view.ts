// Presenter: turns task rows into the JSON the API, the dashboard and the brief share.
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/server/db/transaction";
import { currentPhase, deriveTaskStatus, taskPercent } from "@/lib/server/tasks/derive-status";
import { toCheckpointView } from "@/lib/server/checkpoints/checkpoint-view";
import { toBlockerView } from "@/lib/server/blockers/blocker-view";
import { isFinished } from "@/lib/server/phases/phase-rules";
import { phaseViewInclude, toPhaseView } from "@/lib/server/phases/phase-view";
import { approvalDecisionsInclude, toApprovalSummary } from "@/lib/server/approvals/approval-view";

export const taskSummaryInclude = {
  phases: { orderBy: { position: "asc" }, include: phaseViewInclude },
  _count: { select: { blockers: { where: { status: "open" } }, approvals: { where: { status: "pending" } } } },
} as const satisfies Prisma.TaskInclude;

type TaskSummaryRow = Prisma.TaskGetPayload<{ include: typeof taskSummaryInclude }>;

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
      phasesDone: phases.filter((p) => isFinished(p.status)).length,
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
    tx.approval.findMany({ where: { taskId, status: "pending" }, include: { phase: { select: { key: true } }, ...approvalDecisionsInclude }, orderBy: { createdAt: "asc" } }),
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
