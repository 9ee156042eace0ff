// The delivery worker, one per process: claims due deliveries from the outbox and sends them. Woken right after
// a commit that wrote deliveries, and swept by the scheduler for retries and for deliveries whose claim ran out
// (an instance that died mid-delivery). Nothing is queued only in memory: a crash loses no delivery.
import os from "node:os";
import { randomUUID } from "node:crypto";
import { reader } from "@/lib/server/db/transaction";
import { toPublishedEvent, type PublishedEvent } from "@/lib/server/events/published-event";
import { claimDueDeliveries, recordOutcome, type ClaimedDelivery } from "@/lib/server/webhooks/claim-deliveries";
import { webhookFormatSchema } from "@/lib/schemas/webhook";
import { MAX_ATTEMPTS } from "@/lib/server/webhooks/backoff";
import { deliveryBody } from "@/lib/server/webhooks/delivery-body";
import { onDeliveriesDue } from "@/lib/server/webhooks/delivery-wakeup";
import { forgetSubscriptionsOnChange } from "@/lib/server/webhooks/subscriptions";
import { postWebhook, type PostOutcome } from "@/lib/server/webhooks/post-webhook";
import type { Prisma } from "@/generated/prisma/client";

type DeliveryWebhook = Prisma.WebhookGetPayload<object>;

// How long a claim holds a delivery: far longer than an attempt may take, so a live instance always records its
// outcome first; an instance that died holds its deliveries this long before another sends them again.
const LEASE_MS = Number(process.env.BATON_WEBHOOK_LEASE_MS ?? 60_000);
const ATTEMPT_TIMEOUT_MS = Math.min(10_000, Math.floor(LEASE_MS / 3));
// Attempts in flight at once per process; the rest wait in the outbox.
const MAX_IN_FLIGHT = 32;

type Worker = {
  instance: string;
  inFlight: Set<number>;
  claiming: Promise<void> | null;
  /** A sweep was asked for while one was claiming: claim once more when it ends. */
  again: boolean;
  /** The last claim filled all the room in flight: more may be due as soon as an attempt ends. */
  backlog: boolean;
};

// On globalThis: instrumentation.ts starts the worker, and the scheduler may sweep it from another bundle.
const globalForWorker = globalThis as unknown as { batonDeliveryWorker?: Worker };

function worker(): Worker {
  return (globalForWorker.batonDeliveryWorker ??= {
    instance: `${os.hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
    inFlight: new Set(),
    claiming: null,
    again: false,
    backlog: false,
  });
}

/** Starts this process's worker (once, from instrumentation.ts): woken after each commit that wrote deliveries, and by `sweepDeliveries`. */
export function startDeliveryWorker(): void {
  forgetSubscriptionsOnChange();
  onDeliveriesDue(() => void sweepDeliveries().catch(logFailure));
}

/**
 * Claims what is due (fresh deliveries, retries whose time has come, claims that ran out) while there is room
 * in flight, and starts sending it; resolves once claimed, not once sent. Calls that overlap share one pass.
 */
export function sweepDeliveries(): Promise<void> {
  const state = worker();
  if (state.claiming) {
    state.again = true;
    return state.claiming;
  }
  state.claiming = (async () => {
    try {
      do {
        state.again = false;
        const room = MAX_IN_FLIGHT - state.inFlight.size;
        if (room <= 0) return void (state.backlog = true);
        const claimed = await claimDueDeliveries(state.instance, room, LEASE_MS);
        state.backlog = claimed.length === room;
        // A row this process is still sending (its claim ran out while the outcome waited) stays with that attempt.
        const fresh = claimed.filter((delivery) => !state.inFlight.has(delivery.id));
        for (const delivery of fresh) state.inFlight.add(delivery.id);
        if (fresh.length > 0) void send(state, fresh);
      } while (state.again);
    } finally {
      state.claiming = null;
    }
  })();
  return state.claiming;
}

async function send(state: Worker, deliveries: ClaimedDelivery[]): Promise<void> {
  const done = (delivery: ClaimedDelivery) => {
    state.inFlight.delete(delivery.id);
    // Room in flight again: whatever waited behind goes out now rather than at the next sweep.
    if (state.backlog) void sweepDeliveries().catch(logFailure);
  };
  let webhookById: Map<string, DeliveryWebhook>;
  let eventBySeq: Map<number, PublishedEvent>;
  try {
    const db = await reader();
    const [webhooks, events] = await Promise.all([
      db.webhook.findMany({ where: { id: { in: [...new Set(deliveries.map((d) => d.webhookId))] } } }),
      db.event.findMany({ where: { seq: { in: deliveries.map((d) => d.eventSeq) } } }),
    ]);
    webhookById = new Map(webhooks.map((webhook) => [webhook.id, webhook]));
    eventBySeq = new Map(events.map((event) => [event.seq, toPublishedEvent(event)]));
  } catch (error) {
    // Their claims run out and they are attempted again.
    logFailure(error);
    return deliveries.forEach(done);
  }
  await Promise.all(
    deliveries.map(async (delivery) => {
      try {
        await attempt(state, delivery, webhookById.get(delivery.webhookId), eventBySeq.get(delivery.eventSeq));
      } catch (error) {
        // Recording the outcome failed: the claim runs out and the delivery is attempted again.
        logFailure(error);
      } finally {
        done(delivery);
      }
    }),
  );
}

async function attempt(state: Worker, delivery: ClaimedDelivery, webhook: DeliveryWebhook | undefined, event: PublishedEvent | undefined) {
  // A deleted webhook took its deliveries with it.
  if (!webhook) return;
  const outcome: PostOutcome = event
    ? await postWebhook(
        webhook.url,
        await deliveryBody({ id: webhook.id, format: webhookFormatSchema.parse(webhook.format) }, delivery.id, event),
        webhook.secret,
        { "Baton-Event": delivery.eventType, "Baton-Delivery": String(delivery.id), "Baton-Attempt": `${delivery.attempts + 1}/${MAX_ATTEMPTS}` },
        ATTEMPT_TIMEOUT_MS,
      )
    : { ok: false, status: null, error: "The event no longer exists." };
  await recordOutcome({ delivery, instance: state.instance, outcome, finishedAt: new Date() });
}

function logFailure(error: unknown): void {
  console.error("[webhooks] delivery worker:", error);
}
