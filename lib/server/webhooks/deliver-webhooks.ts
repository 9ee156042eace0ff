// Webhook delivery: every committed event becomes one delivery row per subscribed webhook (an outbox),
// attempted at once and retried by the scheduler with backoff until delivered or out of attempts.
import { reader, transaction } from "@/lib/server/db/transaction";
import { publisher, type PublishedEvent } from "@/lib/server/events/publisher";
import { toPublishedEvent } from "@/lib/server/events/published-event";
import { webhookFormatSchema } from "@/lib/schemas/webhook";
import { MAX_ATTEMPTS, nextRetryDelayMs } from "@/lib/server/webhooks/backoff";
import { postWebhook } from "@/lib/server/webhooks/post-webhook";
import { deliveryBody } from "@/lib/server/webhooks/delivery-body";
import { isChatWorthy } from "@/lib/server/webhooks/formats/chat-worthy";
import { cacheGeneration, onInvalidate } from "@/lib/server/cluster/invalidation";

// A claimed delivery is invisible to other passes for this long (longer than one attempt can take).
const LEASE_MS = 60_000;

type Subscription = { id: string; events: unknown; format: string };

// On globalThis: Next bundles modules per route, and a webhook change in one route must reach the dispatcher.
const globalForWebhooks = globalThis as unknown as { batonWebhooks?: () => void; batonSubscriptions?: Promise<Subscription[]> | null };

/** The active webhooks, read once and kept until a webhook is created, changed or deleted (on any instance). */
function activeSubscriptions(): Promise<Subscription[]> {
  if (globalForWebhooks.batonSubscriptions) return globalForWebhooks.batonSubscriptions;
  const generation = cacheGeneration("webhooks");
  const loading = reader().then((db) => db.webhook.findMany({ where: { active: true }, select: { id: true, events: true, format: true } }));
  globalForWebhooks.batonSubscriptions = loading;
  // Kept only if no webhook changed (on any instance) while it loaded, and not at all if it failed.
  const forget = () => {
    if (globalForWebhooks.batonSubscriptions === loading) globalForWebhooks.batonSubscriptions = null;
  };
  loading.then(() => {
    if (generation !== cacheGeneration("webhooks")) forget();
  }, forget);
  return loading;
}

export function forgetWebhookSubscriptions(): void {
  globalForWebhooks.batonSubscriptions = null;
}

export function startWebhookDispatcher(): void {
  if (globalForWebhooks.batonWebhooks) return;
  onInvalidate("webhooks", forgetWebhookSubscriptions);
  globalForWebhooks.batonWebhooks = publisher.subscribe((event) => {
    void enqueueDeliveries(event).catch((error: unknown) => console.error("[webhooks] enqueue failed:", error));
  });
}

export async function enqueueDeliveries(event: PublishedEvent): Promise<void> {
  const hooks = await activeSubscriptions();
  const targets = hooks.filter(
    (hook) => (hook.events as string[]).some((type) => type === "*" || type === event.type) && (hook.format === "generic" || isChatWorthy(event)),
  );
  if (targets.length === 0) return;
  const ids = await transaction(async (tx) => {
    const created: number[] = [];
    for (const hook of targets) {
      const row = await tx.webhookDelivery.create({ data: { webhookId: hook.id, eventSeq: event.seq, eventType: event.type } });
      created.push(row.id);
    }
    return created;
  });
  await Promise.all(ids.map((id) => attemptDelivery(id)));
}

/** Retries every delivery whose time has come (also ones a crash left unattempted). */
export async function retryDueDeliveries(now = new Date()): Promise<void> {
  const db = await reader();
  const due = await db.webhookDelivery.findMany({
    where: { status: { in: ["pending", "retrying"] }, nextAttemptAt: { lte: now } },
    select: { id: true },
    orderBy: { nextAttemptAt: "asc" },
    take: 100,
  });
  await Promise.all(due.map((row) => attemptDelivery(row.id)));
}

async function attemptDelivery(id: number): Promise<void> {
  const now = new Date();
  const claimed = await transaction((tx) =>
    tx.webhookDelivery.updateMany({
      where: { id, status: { in: ["pending", "retrying"] }, nextAttemptAt: { lte: now } },
      data: { nextAttemptAt: new Date(now.getTime() + LEASE_MS) },
    }),
  );
  if (claimed.count === 0) return;
  const db = await reader();
  const delivery = await db.webhookDelivery.findUniqueOrThrow({ where: { id }, include: { webhook: true } });
  const event = await db.event.findUniqueOrThrow({ where: { seq: delivery.eventSeq } });
  const webhook = { id: delivery.webhookId, format: webhookFormatSchema.parse(delivery.webhook.format) };
  const body = await deliveryBody(webhook, delivery.id, toPublishedEvent(event));
  const outcome = await postWebhook(delivery.webhook.url, body, delivery.webhook.secret, {
    "Baton-Event": delivery.eventType,
    "Baton-Delivery": String(delivery.id),
    "Baton-Attempt": `${delivery.attempts + 1}/${MAX_ATTEMPTS}`,
  });
  const attempts = delivery.attempts + 1;
  const finishedAt = new Date();
  const retryIn = outcome.ok ? null : nextRetryDelayMs(attempts);
  await transaction((tx) =>
    tx.webhookDelivery.update({
      where: { id },
      data: {
        attempts,
        responseStatus: outcome.status,
        lastError: outcome.error,
        status: outcome.ok ? "delivered" : retryIn === null ? "failed" : "retrying",
        deliveredAt: outcome.ok ? finishedAt : null,
        nextAttemptAt: new Date(finishedAt.getTime() + (retryIn ?? 0)),
      },
    }),
  );
}

