// Presenter for the resume brief: everything a fresh agent needs to pick the task up, from the same
// views the task API uses (status and percent come from derive-status.ts only).
import { reader } from "@/lib/server/db/transaction";
import { requireTask } from "@/lib/server/tasks/find-task";
import { currentPhase, taskPercent } from "@/lib/server/tasks/derive-status";
import { loadTaskDetail } from "@/lib/server/tasks/task-view";
import { toBlockerView, type BlockerView } from "@/lib/server/blockers/blocker-view";
import { isFinished } from "@/lib/server/phases/phase-rules";
import { phaseViewInclude, toPhaseView } from "@/lib/server/phases/phase-view";
import type { PhaseView } from "@/lib/schemas/phase";
import { toCheckpointView } from "@/lib/server/checkpoints/checkpoint-view";
import { toHandoffView } from "@/lib/server/handoffs/handoff-view";
import { approvalSummarySelect, toApprovalListItem, type ApprovalListItem } from "@/lib/server/approvals/approval-view";

/** The newest answers the brief carries; older ones were acted on long ago. */
const MAX_ANSWERS = 50;

export async function buildBrief(taskKey: string, options: { agent?: string; now?: Date } = {}) {
  const now = options.now ?? new Date();
  const agent = options.agent ?? null;
  const tx = await reader();
  const { id: taskId } = await requireTask(tx, taskKey);
  const detail = await loadTaskDetail(tx, taskId, now);
  const phaseRows = await tx.phase.findMany({ where: { taskId }, orderBy: { position: "asc" }, include: phaseViewInclude });
  const laneRows = agent ? phaseRows.filter((p) => p.agent === agent) : phaseRows;
  const laneKeys = new Set(laneRows.map((p) => p.key));
  const inLane = (phaseKey: string | null) => !agent || (phaseKey !== null && laneKeys.has(phaseKey));

  const [checkpointRow, handoffRow, approvalRows, answeredRows] = await Promise.all([
    tx.checkpoint.findFirst({
      where: { taskId, ...(agent && { OR: [{ agent }, { phaseKey: { in: [...laneKeys] } }] }) },
      orderBy: { seq: "desc" },
    }),
    tx.handoff.findFirst({ where: { taskId, ...(agent && { toAgent: agent }) }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    tx.approval.findMany({ where: { taskId }, select: approvalSummarySelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] }),
    tx.blocker.findMany({ where: { taskId, answeredAt: { not: null } }, orderBy: [{ answeredAt: "desc" }, { id: "desc" }], take: MAX_ANSWERS }),
  ]);
  const lastCheckpoint = checkpointRow ? toCheckpointView(checkpointRow, taskKey) : null;
  const latestHandoff = handoffRow ? toHandoffView(handoffRow, taskKey) : null;

  const approvals = approvalRows.map((row) => toApprovalListItem(row)).filter((a) => inLane(a.phase));
  const latestPerPhase = new Map<string, ApprovalListItem>();
  for (const approval of approvals) latestPerPhase.set(approval.phase, approval);
  const pendingApprovals = approvals.filter((a) => a.status === "pending");
  // A rejection stops mattering once the gate was asked for again.
  const rejectedApprovals = [...latestPerPhase.values()].filter((a) => a.status === "rejected" || a.status === "expired");

  const current = currentPhase(laneRows);
  const currentView = current ? toPhaseView(current) : null;
  const resumeFrom = currentView?.resumeFrom ?? (lastCheckpoint && (!currentView || lastCheckpoint.phase === currentView.key) ? lastCheckpoint.resumeFrom : null);

  // An answer stays the first thing to do until the agent records a checkpoint after it.
  const answeredQuestions = answeredRows
    .toReversed()
    .filter((row) => row.answeredAt !== null && (!checkpointRow || row.answeredAt > checkpointRow.createdAt))
    .map(toBlockerView)
    .filter((b) => laneBlocker(b, agent, laneKeys));

  const handoffIsNewer = latestHandoff !== null && (!lastCheckpoint || latestHandoff.createdAt > lastCheckpoint.createdAt);
  const nextActions = [
    ...answeredQuestions.map(answerAction),
    ...rejectedApprovals.map(rejectionAction),
    ...(lastCheckpoint?.next ?? []),
    ...(handoffIsNewer ? latestHandoff.nextSteps : []),
  ];

  const phases = detail.phases.filter((p) => !agent || laneKeys.has(p.key));
  return {
    task: {
      key: detail.key,
      title: detail.title,
      description: detail.description,
      notes: detail.notes,
      status: detail.status,
      playbook: detail.playbook,
      startedAt: detail.startedAt,
      lastActivityAt: detail.lastActivityAt,
    },
    agent,
    generatedAt: now.toISOString(),
    progress: detail.progress,
    lane: agent
      ? {
          agent,
          percent: taskPercent(laneRows),
          phasesDone: laneRows.filter((p) => isFinished(p.status)).length,
          phasesTotal: laneRows.length,
        }
      : null,
    currentPhase: currentView,
    resumeFrom,
    nextActions,
    lastCheckpoint,
    openBlockers: detail.openBlockers.filter((b) => laneBlocker(b, agent, laneKeys)),
    answeredQuestions,
    pendingApprovals,
    rejectedApprovals,
    latestHandoff,
    remainingPhases: phases.filter((p) => !isFinished(p.status)),
    completedPhases: phases.filter((p) => isFinished(p.status)).map((p) => ({ key: p.key, name: p.name, status: p.status })),
    reportBack: reportBack(detail.key, currentView),
  };
}
export type BriefModel = Awaited<ReturnType<typeof buildBrief>>;

function rejectionAction(approval: ApprovalListItem): string {
  if (approval.status === "expired") return `Request approval of ${approval.title} again: it expired without a decision`;
  return approval.comment ? `Address rejection of ${approval.title}: ${approval.comment}` : `Address rejection of ${approval.title}`;
}

function answerAction(blocker: BlockerView): string {
  const action = `Proceed with the person's answer to “${blocker.question}”: ${blocker.answer}`;
  return blocker.answerComment ? `${action} — ${blocker.answerComment}` : action;
}

/** In a lane: its own blockers, those on its phases, and task-wide ones nobody owns. */
function laneBlocker(blocker: BlockerView, agent: string | null, laneKeys: Set<string>): boolean {
  if (!agent) return true;
  if (blocker.owner === agent) return true;
  if (blocker.phase !== null) return laneKeys.has(blocker.phase);
  return blocker.owner === null;
}

function reportBack(taskKey: string, current: PhaseView | null) {
  const path = `/api/v1/tasks/${taskKey}/checkpoints`;
  const example = {
    summary: "What you just finished, in one line",
    ...(current && { phase: current.key }),
    ...(current?.progress?.total && { progress: { current: current.progress.current, total: current.progress.total, unit: current.progress.unit ?? undefined } }),
    ...(current?.resumeFrom && { resumeFrom: current.resumeFrom }),
    done: ["…"],
    next: ["…"],
    dependencies: [],
  };
  const curl = [
    `curl -sS -X POST "$BATON_URL${path}" \\`,
    `  -H "Authorization: Bearer $BATON_TOKEN" -H "Content-Type: application/json" \\`,
    `  -d '${JSON.stringify(example).replaceAll("'", "'\\''")}'`,
  ].join("\n");
  return { checkpointPath: path, checkpointCurl: curl };
}
