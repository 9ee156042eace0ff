// `GET /approvals?status=&task=`: the inbox, newest first, without artifact content.
import { reader } from "@/lib/server/db/transaction";
import type { ApprovalListQuery } from "@/lib/schemas/approval";
import { approvalSummarySelect, toApprovalListItem } from "@/lib/server/approvals/approval-view";
import { expireDueApprovals } from "@/lib/server/approvals/expire-approvals";

export async function listApprovals(query: ApprovalListQuery) {
  await expireDueApprovals();
  const db = await reader();
  const rows = await db.approval.findMany({
    where: { ...(query.status && { status: query.status }), ...(query.task && { task: { key: query.task } }) },
    select: approvalSummarySelect,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: query.limit,
  });
  return { items: rows.map(toApprovalListItem) };
}
