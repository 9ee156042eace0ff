// `GET /approvals/{id}?wait=N`: the approval with its artifact; with `wait`, a long-poll that answers
// as soon as the approval leaves `pending`.
import { reader } from "@/lib/server/db/transaction";
import { notFound } from "@/lib/server/errors";
import type { PublishedEvent } from "@/lib/server/events/publisher";
import { waitForChange } from "@/lib/server/events/wait-for-change";
import { payloadOf } from "@/lib/schemas/event";
import { approvalInclude, toApprovalDetail } from "@/lib/server/approvals/approval-view";
import { expireDueApprovals } from "@/lib/server/approvals/expire-approvals";

export async function getApproval(id: string) {
  await expireDueApprovals({ ids: [id] });
  const db = await reader();
  const row = await db.approval.findUnique({ where: { id }, include: approvalInclude });
  if (!row) throw notFound(`Approval "${id}"`);
  return toApprovalDetail(row);
}

export function waitForApproval(id: string, waitSeconds: number, signal: AbortSignal) {
  return waitForChange({
    read: () => getApproval(id),
    settled: (approval) => approval.status !== "pending",
    concerns: (event) => concerns(event, id),
    // Expiry is applied on read, so wake up at expiresAt if that comes before the deadline.
    wakeAt: (approval) => new Date(approval.expiresAt).getTime(),
    waitSeconds,
    signal,
  });
}

function concerns(event: PublishedEvent, id: string): boolean {
  const requested = payloadOf(event, "approval.requested");
  if (requested) return requested.approval.id === id || requested.superseded.includes(id);
  return (payloadOf(event, "approval.decided") ?? payloadOf(event, "approval.expired"))?.approval.id === id;
}
