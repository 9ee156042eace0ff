// `GET /approvals/{id}?wait=N`: the approval with its artifact; with `wait`, a long-poll that answers
// as soon as the approval leaves `pending` (woken by the event publisher, never by polling).
import { reader } from "@/lib/server/db/transaction";
import { notFound } from "@/lib/server/errors";
import { publisher, type PublishedEvent } from "@/lib/server/events/publisher";
import { approvalInclude, toApprovalDetail } from "@/lib/server/approvals/approval-view";
import { expireDueApprovals } from "@/lib/server/approvals/expire-approvals";

export async function getApproval(id: string) {
  await expireDueApprovals({ ids: [id] });
  const db = await reader();
  const row = await db.approval.findUnique({ where: { id }, include: approvalInclude });
  if (!row) throw notFound(`Approval "${id}"`);
  return toApprovalDetail(row);
}

export async function waitForApproval(id: string, waitSeconds: number, signal: AbortSignal) {
  let settle = () => {};
  const changed = new Promise<void>((resolve) => (settle = resolve));
  // Subscribe before the first read so a decision committed in between still wakes us.
  const unsubscribe = publisher.subscribe((event) => {
    if (concerns(event, id)) settle();
  });
  const timers: NodeJS.Timeout[] = [];
  try {
    const first = await getApproval(id);
    if (first.status !== "pending" || waitSeconds <= 0) return first;
    const deadline = Date.now() + waitSeconds * 1000;
    const expiresAt = new Date(first.expiresAt).getTime();
    // Expiry is applied on read, so wake up at expiresAt if that comes before the deadline.
    if (expiresAt < deadline) timers.push(setTimeout(settle, Math.max(0, expiresAt - Date.now()) + 5));
    const timedOut = new Promise<"timeout">((resolve) => timers.push(setTimeout(() => resolve("timeout"), deadline - Date.now())));
    const aborted = new Promise<"aborted">((resolve) => signal.addEventListener("abort", () => resolve("aborted"), { once: true }));
    await Promise.race([changed, timedOut, aborted]);
    return getApproval(id);
  } finally {
    unsubscribe();
    timers.forEach(clearTimeout);
  }
}

function concerns(event: PublishedEvent, id: string): boolean {
  if (!event.type.startsWith("approval.")) return false;
  const payload = event.payload as { approval?: { id?: string }; superseded?: string[] };
  return payload.approval?.id === id || (payload.superseded?.includes(id) ?? false);
}
