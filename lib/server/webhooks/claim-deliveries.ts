// The outbox's bookkeeping: claiming due deliveries for one instance (a lease), recording each attempt's outcome,
// and pruning finished rows. Whichever instance claims a row sends it; no two claims can hold it at once.
import type { Prisma } from "@/generated/prisma/client";
import { provider } from "@/lib/server/db/client";
import { groupCommit } from "@/lib/server/db/group-commit";
import { reader, transaction, type Tx } from "@/lib/server/db/transaction";
import { nextRetryDelayMs } from "@/lib/server/webhooks/backoff";
import type { PostOutcome } from "@/lib/server/webhooks/post-webhook";

export type ClaimedDelivery = { id: number; webhookId: string; eventSeq: number; eventType: string; attempts: number };

/** Due: waiting and its time has come, or claimed by an instance whose lease ran out (it died mid-delivery). */
function due(now: Date): Prisma.WebhookDeliveryWhereInput {
  return {
    OR: [
      { status: { in: ["pending", "retrying"] }, nextAttemptAt: { lte: now } },
      { status: "delivering", claimedUntil: { lte: now } },
    ],
  };
}

/**
 * Claims up to `limit` due deliveries, for `instance` until `now + leaseMs`: one UPDATE that checks again that each
 * candidate is still due, so of two instances racing for a row exactly one gets it back. Fewest attempts first, then
 * oldest: retries to a receiver that is down never hold back first attempts to the others.
 */
export async function claimDueDeliveries(instance: string, limit: number, leaseMs: number, now = new Date()): Promise<ClaimedDelivery[]> {
  const postgres = provider() === "postgresql";
  // SQLite: candidates read outside the transaction (writes run one at a time, so the UPDATE's re-check settles
  // every race). PostgreSQL: inside it, locking them and skipping rows another instance is claiming right now.
  const ids = postgres ? null : await dueIds(await reader(), limit, now);
  if (ids?.length === 0) return [];
  const claimed = await transaction(async (tx) => {
    const candidates = ids ?? (await lockDueIds(tx, limit, now));
    if (candidates.length === 0) return [];
    return tx.webhookDelivery.updateManyAndReturn({
      where: { id: { in: candidates }, ...due(now) },
      data: { status: "delivering", claimedBy: instance, claimedUntil: new Date(now.getTime() + leaseMs) },
      select: { id: true, webhookId: true, eventSeq: true, eventType: true, attempts: true },
    });
  });
  return claimed.sort((a, b) => a.id - b.id);
}

async function dueIds(client: Tx, limit: number, now: Date): Promise<number[]> {
  const rows = await client.webhookDelivery.findMany({ where: due(now), select: { id: true }, orderBy: [{ attempts: "asc" }, { id: "asc" }], take: limit });
  return rows.map((row) => row.id);
}

/** `due(now)` as SQL, since Prisma cannot say SKIP LOCKED; timestamps are UTC without a zone, as Prisma stores them. */
async function lockDueIds(tx: Tx, limit: number, now: Date): Promise<number[]> {
  const at = now.toISOString();
  const rows = await tx.$queryRaw<{ id: number }[]>`
    SELECT "id" FROM "WebhookDelivery"
    WHERE ("status" IN ('pending', 'retrying') AND "nextAttemptAt" <= ${at}::timestamp)
       OR ("status" = 'delivering' AND "claimedUntil" <= ${at}::timestamp)
    ORDER BY "attempts", "id" LIMIT ${limit}
    FOR UPDATE SKIP LOCKED`;
  return rows.map((row) => Number(row.id));
}

type Finished = { delivery: ClaimedDelivery; instance: string; outcome: PostOutcome; finishedAt: Date };

/**
 * Records an attempt: delivered, retried later with backoff, or failed for good. Only while `instance` still
 * holds the claim: if its lease ran out and another instance took the row over, that one's outcome counts.
 * Outcomes finishing together share one transaction.
 */
export const recordOutcome: (finished: Finished) => Promise<void> = groupCommit((items: Finished[]) =>
  transaction(async (tx) => {
    for (const { delivery, instance, outcome, finishedAt } of items) {
      const attempts = delivery.attempts + 1;
      const retryIn = outcome.ok ? null : nextRetryDelayMs(attempts);
      await tx.webhookDelivery.updateMany({
        where: { id: delivery.id, status: "delivering", claimedBy: instance },
        data: {
          attempts,
          responseStatus: outcome.status,
          lastError: outcome.error,
          status: outcome.ok ? "delivered" : retryIn === null ? "failed" : "retrying",
          deliveredAt: outcome.ok ? finishedAt : null,
          // For a finished row, when it finished (what pruning goes by).
          nextAttemptAt: new Date(finishedAt.getTime() + (retryIn ?? 0)),
          claimedBy: null,
          claimedUntil: null,
        },
      });
    }
    return items.map(() => ({ ok: true as const, value: undefined }));
  }),
);

const DELIVERED_KEPT_MS = 7 * 24 * 3600_000;
const FAILED_KEPT_MS = 30 * 24 * 3600_000;

/** Housekeeping: deletes deliveries delivered over 7 days ago and failed ones over 30 days ago; returns how many. */
export async function pruneFinishedDeliveries(now = Date.now()): Promise<number> {
  const { count } = await transaction((tx) =>
    tx.webhookDelivery.deleteMany({
      where: {
        OR: [
          { status: "delivered", nextAttemptAt: { lt: new Date(now - DELIVERED_KEPT_MS) } },
          { status: "failed", nextAttemptAt: { lt: new Date(now - FAILED_KEPT_MS) } },
        ],
      },
    }),
  );
  return count;
}
