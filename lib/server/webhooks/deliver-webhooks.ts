// Webhook delivery: every committed event becomes one delivery row per subscribed webhook (an outbox),
// attempted at once and retried by the scheduler with backoff until delivered or out of attempts.
import { reader, transaction } from "@/lib/server/db/transaction";
import { publisher, type PublishedEvent } from "@/lib/server/events/publisher";
import { toPublishedEvent } from "@/lib/server/events/append-event";
import { eventSchema } from "@/lib/schemas/event";
import type { WebhookDeliveryBody } from "@/lib/schemas/webhook";
import { MAX_ATTEMPTS, nextRetryDelayMs } from "@/lib/server/webhooks/backoff";
import { SIGNATURE_HEADER, signPayload } from "@/lib/server/webhooks/sign";

const ATTEMPT_TIMEOUT_MS = 10_000;
// A claimed delivery is invisible to other passes for this long (longer than one attempt can take).
const LEASE_MS = 60_000;

type Subscription = { id: string; events: unknown };

// On globalThis: Next bundles modules per route, and a webhook change in one route must reach the dispatcher.
const globalForWebhooks = globalThis as unknown as { batonWebhooks?: () => void; batonSubscriptions?: Promise<Subscription[]> | null };

/** The active webhooks, read once and kept until a webhook is created or deleted. */
function activeSubscriptions(): Promise<Subscription[]> {
  globalForWebhooks.batonSubscriptions ??= reader()
    .then((db) => db.webhook.findMany({ where: { active: true }, select: { id: true, events: true } }))
    .catch((error: unknown) => {
      globalForWebhooks.batonSubscriptions = null;
      throw error;
    });
  return globalForWebhooks.batonSubscriptions;
}

export function forgetWebhookSubscriptions(): void {
  globalForWebhooks.batonSubscriptions = null;
}

export function startWebhookDispatcher(): void {
  globalForWebhooks.batonWebhooks ??= publisher.subscribe((event) => {
    void enqueueDeliveries(event).catch((error: unknown) => console.error("[webhooks] enqueue failed:", error));
  });
}

export async function enqueueDeliveries(event: PublishedEvent): Promise<void> {
  const hooks = await activeSubscriptions();
  const targets = hooks.filter((hook) => (hook.events as string[]).some((type) => type === "*" || type === event.type));
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
  const delivered: WebhookDeliveryBody = { deliveryId: delivery.id, webhookId: delivery.webhookId, event: eventSchema.parse(toPublishedEvent(event)) };
  const body = JSON.stringify(delivered);
  const outcome = await post(delivery.webhook.url, body, delivery.webhook.secret, delivery);
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

type Outcome = { ok: boolean; status: number | null; error: string | null };

async function post(url: string, body: string, secret: string, delivery: { id: number; eventType: string; attempts: number }): Promise<Outcome> {
  const timestamp = Math.floor(Date.now() / 1000);
  try {
    const response = await fetch(url, {
      method: "POST",
      redirect: "manual",
      signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      headers: {
        "content-type": "application/json",
        "user-agent": "Baton-Webhooks/1",
        [SIGNATURE_HEADER]: signPayload(secret, body, timestamp),
        "Baton-Event": delivery.eventType,
        "Baton-Delivery": String(delivery.id),
        "Baton-Attempt": `${delivery.attempts + 1}/${MAX_ATTEMPTS}`,
      },
      body,
    });
    await response.body?.cancel();
    if (response.ok) return { ok: true, status: response.status, error: null };
    return { ok: false, status: response.status, error: `The receiver answered ${response.status} ${response.statusText}`.trim() };
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    return { ok: false, status: null, error: cause ? `${(error as Error).message} (${cause})` : (error as Error).message };
  }
}
