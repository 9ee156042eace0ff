// Applies `onExpiry` to pending approvals past `expiresAt`. Run by the scheduler and before every read,
// so the outcome never depends on when the scheduler last ran.
import { reader, transaction } from "@/lib/server/db/transaction";
import { appendEvent } from "@/lib/server/events/append-event";
import { approvalSummarySelect, toApprovalListItem } from "@/lib/server/approvals/approval-view";
import { releasePhase } from "@/lib/server/approvals/release-phase";

export const EXPIRY_ACTOR = "baton:expiry";

/** Expires every due approval (optionally only these ids); returns how many it expired. */
export async function expireDueApprovals(options: { ids?: string[]; now?: Date } = {}): Promise<number> {
  const now = options.now ?? new Date();
  const db = await reader();
  const due = await db.approval.findMany({
    where: { status: "pending", expiresAt: { lte: now }, ...(options.ids && { id: { in: options.ids } }) },
    select: { id: true },
    orderBy: { expiresAt: "asc" },
  });
  let expired = 0;
  for (const { id } of due) if (await expireOne(id, now)) expired += 1;
  return expired;
}

async function expireOne(id: string, now: Date): Promise<boolean> {
  return transaction(async (tx) => {
    // Conditional update: a decision or another expiry pass that got here first wins.
    const { count } = await tx.approval.updateMany({
      where: { id, status: "pending", expiresAt: { lte: now } },
      data: { status: "expired", decidedAt: now, decidedBy: EXPIRY_ACTOR },
    });
    if (count === 0) return false;
    const row = await tx.approval.findUniqueOrThrow({ where: { id }, select: approvalSummarySelect });
    const phase = await releasePhase(tx, row.phaseId, now);
    const task = await tx.task.findUniqueOrThrow({ where: { id: row.taskId }, select: { id: true, key: true } });
    await appendEvent(tx, {
      type: "approval.expired",
      task,
      actor: EXPIRY_ACTOR,
      payload: { approval: toApprovalListItem(row), onExpiry: row.onExpiry, phase },
    });
    return true;
  });
}
