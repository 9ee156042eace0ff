// The webhook outbox: the delivery rows of a transaction's events, written in that same transaction just
// before it commits (lib/server/db/transaction.ts), so an event and its deliveries exist together or not at all.
// The delivery worker (deliver-webhooks.ts) sends them after the commit.
import type { Tx } from "@/lib/server/db/transaction";
import type { PublishedEvent } from "@/lib/server/events/published-event";
import { activeSubscriptions, wantsEvent } from "@/lib/server/webhooks/subscriptions";

/** Writes one pending delivery per event and subscribed webhook, set-based; returns how many. */
export async function writeDeliveries(tx: Tx, events: PublishedEvent[]): Promise<number> {
  const subscriptions = await activeSubscriptions(tx);
  if (subscriptions.length === 0) return 0;
  const wanted = events.flatMap((event) =>
    subscriptions.filter((subscription) => wantsEvent(subscription, event)).map((subscription) => ({ webhookId: subscription.id, event })),
  );
  if (wanted.length === 0) return 0;
  // The cached list may still name a webhook deleted a moment ago (on another instance, or just before this
  // transaction began): skip those rather than fail the events' transaction on the foreign key.
  const ids = [...new Set(wanted.map((row) => row.webhookId))];
  const live = new Set((await tx.webhook.findMany({ where: { id: { in: ids }, active: true }, select: { id: true } })).map((row) => row.id));
  const now = new Date();
  const { count } = await tx.webhookDelivery.createMany({
    data: wanted
      .filter((row) => live.has(row.webhookId))
      .map(({ webhookId, event }) => ({ webhookId, eventSeq: event.seq, eventType: event.type, nextAttemptAt: now, createdAt: now })),
  });
  return count;
}
