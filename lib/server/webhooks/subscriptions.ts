// Which webhooks want which events: the active webhooks, read once and kept in memory until one is created,
// changed or deleted (on any instance: lib/server/cluster/invalidation.ts), so the ingest path matches events
// against them without a query.
import type { Tx } from "@/lib/server/db/transaction";
import { cacheGeneration, onInvalidate } from "@/lib/server/cluster/invalidation";
import type { PublishedEvent } from "@/lib/server/events/published-event";
import { isChatWorthy } from "@/lib/server/webhooks/formats/chat-worthy";

export type Subscription = { id: string; events: string[]; format: string };

// On globalThis: Next bundles modules per route, and a webhook change in one route must reach every other.
const globalForWebhooks = globalThis as unknown as { batonSubscriptions?: Promise<Subscription[]> | null };

/** The active webhooks, read through `client` (the caller's transaction) on first use after a change. */
export function activeSubscriptions(client: Tx): Promise<Subscription[]> {
  if (globalForWebhooks.batonSubscriptions) return globalForWebhooks.batonSubscriptions;
  const generation = cacheGeneration("webhooks");
  const loading = client.webhook
    .findMany({ where: { active: true }, select: { id: true, events: true, format: true } })
    .then((rows) => rows.map((row) => ({ id: row.id, events: row.events as string[], format: row.format })));
  globalForWebhooks.batonSubscriptions = loading;
  // Kept only if no webhook changed (on any instance) while it loaded, and not at all if it failed.
  const forget = () => {
    if (globalForWebhooks.batonSubscriptions === loading) forgetWebhookSubscriptions();
  };
  loading.then(() => {
    if (generation !== cacheGeneration("webhooks")) forget();
  }, forget);
  return loading;
}

export function forgetWebhookSubscriptions(): void {
  globalForWebhooks.batonSubscriptions = null;
}

/** Forget the list whenever a webhook changes on any instance (once per process, from the delivery worker's start). */
export function forgetSubscriptionsOnChange(): void {
  onInvalidate("webhooks", forgetWebhookSubscriptions);
}

/** True when the webhook gets a delivery of `event`: it subscribed to the type, and a chat format skips routine events. */
export function wantsEvent(subscription: Subscription, event: PublishedEvent): boolean {
  const subscribed = subscription.events.some((type) => type === "*" || type === event.type);
  return subscribed && (subscription.format === "generic" || isChatWorthy(event));
}
