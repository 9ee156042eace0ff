// The webhook outbox's cases against a real database (no server), shared by the SQLite and PostgreSQL test files:
// delivery rows commit or roll back with their events, claims never overlap, a dead instance's claim runs out,
// and finished rows are pruned. Modules connect lazily, so the caller sets DATABASE_URL before the first query.
import { beforeEach, describe, expect, it } from "vitest";
import { reader, savepoint, transaction } from "@/lib/server/db/transaction";
import { readClient, writeClient } from "@/lib/server/db/client";
import { appendEvent } from "@/lib/server/events/append-event";
import { forgetWebhookSubscriptions } from "@/lib/server/webhooks/subscriptions";
import { claimDueDeliveries, pruneFinishedDeliveries, recordOutcome } from "@/lib/server/webhooks/claim-deliveries";

const DAY = 24 * 3600_000;

async function webhook(id: string, events: string[]) {
  await transaction((tx) => tx.webhook.create({ data: { id, url: `http://127.0.0.1:9/${id}`, events, secret: "0123456789abcdef" } }));
  forgetWebhookSubscriptions();
}

/** An event whose payload names `field`, so each one is told apart. */
const taskUpdated = (field: string) => ({ type: "task.updated" as const, payload: { created: false, fields: [field], phases: [] } });

async function deliveries() {
  return (await reader()).webhookDelivery.findMany({ orderBy: { id: "asc" } });
}

/** The outbox's cases, on whichever database DATABASE_URL names (migrated by the calling test file). */
export function webhookOutboxCases(database: string) {
  describe(`the webhook outbox on ${database}`, () => {
    beforeEach(async () => {
      await transaction(async (tx) => {
        await tx.webhookDelivery.deleteMany({});
        await tx.webhook.deleteMany({});
      });
      forgetWebhookSubscriptions();
    });

    it("writes one delivery per subscribed webhook in the event's own transaction, and none for other event types", async () => {
      await webhook("whk-all", ["*"]);
      await webhook("whk-tasks", ["task.updated"]);
      await webhook("whk-approvals", ["approval.requested"]);
      const event = await transaction(async (tx) => {
        const appended = await appendEvent(tx, taskUpdated("Need credentials"));
        // Not visible outside the transaction before it commits…
        expect(await readClient().webhookDelivery.count()).toBe(0);
        return appended;
      });
      // …and there with the event once it has.
      const rows = await deliveries();
      expect(rows.map((row) => [row.webhookId, row.eventSeq, row.eventType, row.status])).toEqual([
        ["whk-all", event.seq, "task.updated", "pending"],
        ["whk-tasks", event.seq, "task.updated", "pending"],
      ]);
    });

    it("writes no delivery when the event's transaction rolls back, and drops only a failed savepoint's", async () => {
      await webhook("whk-all", ["*"]);
      await expect(
        transaction(async (tx) => {
          await appendEvent(tx, taskUpdated("rolled back"));
          throw new Error("the use case failed after appending its event");
        }),
      ).rejects.toThrow("the use case failed");
      expect(await deliveries()).toEqual([]);

      const kept = await transaction(async (tx) => {
        const first = await appendEvent(tx, taskUpdated("kept"));
        await savepoint(async (inner) => {
          await appendEvent(inner, taskUpdated("undone"));
          throw new Error("gate refused");
        }).catch(() => undefined);
        return first;
      });
      expect((await deliveries()).map((row) => row.eventSeq)).toEqual([kept.seq]);
      expect(await (await reader()).event.count({ where: { seq: { gt: kept.seq } } })).toBe(0);
    });

    it("skips a webhook deleted after the subscriptions were cached instead of failing the event's transaction", async () => {
      await webhook("whk-gone", ["*"]);
      await webhook("whk-stays", ["*"]);
      await transaction(async (tx) => appendEvent(tx, taskUpdated("warms the cache")));
      // Deleted behind this process's back (another instance): the cache still names it.
      await writeClient().webhook.delete({ where: { id: "whk-gone" } });
      const event = await transaction(async (tx) => appendEvent(tx, taskUpdated("after the delete")));
      expect((await deliveries()).filter((row) => row.eventSeq === event.seq).map((row) => row.webhookId)).toEqual(["whk-stays"]);
    });

    it("hands each due delivery to exactly one of two racing claims, oldest first", async () => {
      await webhook("whk-all", ["*"]);
      await transaction(async (tx) => {
        for (let i = 0; i < 20; i++) await appendEvent(tx, taskUpdated(`event ${i}`));
      });
      // SQLite: the loser of the race gets nothing back; PostgreSQL: it skips the winner's locked rows and takes others.
      const [a, b] = await Promise.all([claimDueDeliveries("instance-a", 15, 60_000), claimDueDeliveries("instance-b", 15, 60_000)]);
      const rest = await claimDueDeliveries("instance-b", 15, 60_000);
      const ids = [...a, ...b, ...rest].map((row) => row.id);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.length).toBe(20);
      expect(a.map((row) => row.id)).toEqual([...a.map((row) => row.id)].sort((x, y) => x - y));
      // Nothing is left to claim while the leases hold.
      expect(await claimDueDeliveries("instance-c", 50, 60_000)).toEqual([]);
      const rows = await deliveries();
      expect(rows.every((row) => row.status === "delivering" && (row.claimedBy === "instance-a" || row.claimedBy === "instance-b"))).toBe(true);
    });

    it("lets another instance take over a delivery whose claim ran out, and ignores the outcome the first one reports late", async () => {
      await webhook("whk-all", ["*"]);
      await transaction(async (tx) => appendEvent(tx, taskUpdated("slow receiver")));
      const start = new Date();
      const [mine] = await claimDueDeliveries("instance-dead", 10, 1_000, start);
      expect(await claimDueDeliveries("instance-next", 10, 60_000, new Date(start.getTime() + 999))).toEqual([]);
      const [taken] = await claimDueDeliveries("instance-next", 10, 60_000, new Date(start.getTime() + 1_000));
      expect(taken).toMatchObject({ id: mine.id, attempts: 0 });

      await recordOutcome({ delivery: mine, instance: "instance-dead", outcome: { ok: false, status: 500, error: "late" }, finishedAt: new Date() });
      expect((await deliveries())[0]).toMatchObject({ status: "delivering", claimedBy: "instance-next", attempts: 0 });
      await recordOutcome({ delivery: taken, instance: "instance-next", outcome: { ok: true, status: 204, error: null }, finishedAt: new Date() });
      expect((await deliveries())[0]).toMatchObject({ status: "delivered", attempts: 1, responseStatus: 204, claimedBy: null, claimedUntil: null });
    });

    it("claims first attempts before retries, so a receiver that is down never holds back the others", async () => {
      await webhook("whk-down", ["task.updated"]);
      await transaction(async (tx) => {
        for (let i = 0; i < 5; i++) await appendEvent(tx, taskUpdated(`to the receiver that is down ${i}`));
      });
      const failedAt = new Date();
      for (const delivery of await claimDueDeliveries("instance-a", 5, 60_000, failedAt)) {
        await recordOutcome({ delivery, instance: "instance-a", outcome: { ok: false, status: null, error: "refused" }, finishedAt: failedAt });
      }
      await webhook("whk-up", ["task.updated"]);
      const fresh = await transaction(async (tx) => appendEvent(tx, taskUpdated("fresh")));
      const retriesDue = new Date(failedAt.getTime() + DAY);
      const firstTwo = await claimDueDeliveries("instance-a", 2, 60_000, retriesDue);
      expect(firstTwo.map((row) => ({ eventSeq: row.eventSeq, attempts: row.attempts }))).toEqual([
        { eventSeq: fresh.seq, attempts: 0 },
        { eventSeq: fresh.seq, attempts: 0 },
      ]);
      expect(new Set((await deliveries()).filter((row) => firstTwo.some((c) => c.id === row.id)).map((row) => row.webhookId))).toEqual(new Set(["whk-down", "whk-up"]));
    });

    it("schedules a failed attempt for a retry with backoff, and fails it for good once out of attempts", async () => {
      await webhook("whk-all", ["*"]);
      await transaction(async (tx) => appendEvent(tx, taskUpdated("flaky receiver")));
      const [claimed] = await claimDueDeliveries("instance-a", 10, 60_000);
      const finishedAt = new Date();
      await recordOutcome({ delivery: claimed, instance: "instance-a", outcome: { ok: false, status: 503, error: "busy" }, finishedAt });
      const retrying = (await deliveries())[0];
      expect(retrying).toMatchObject({ status: "retrying", attempts: 1, responseStatus: 503, lastError: "busy", claimedBy: null });
      expect(retrying.nextAttemptAt.getTime()).toBeGreaterThan(finishedAt.getTime());
      expect(await claimDueDeliveries("instance-a", 10, 60_000, finishedAt)).toEqual([]);

      const [last] = await claimDueDeliveries("instance-a", 10, 60_000, retrying.nextAttemptAt);
      await recordOutcome({ delivery: { ...last, attempts: 7 }, instance: "instance-a", outcome: { ok: false, status: null, error: "refused" }, finishedAt });
      expect((await deliveries())[0]).toMatchObject({ status: "failed", attempts: 8 });
      expect(await claimDueDeliveries("instance-a", 10, 60_000, new Date(finishedAt.getTime() + 365 * DAY))).toEqual([]);
    });

    it("prunes deliveries delivered over 7 days ago and failed ones over 30 days ago, and keeps the rest", async () => {
      await webhook("whk-all", ["*"]);
      const now = Date.now();
      await transaction(async (tx) => {
        const row = (status: string, finishedDaysAgo: number) =>
          tx.webhookDelivery.create({ data: { webhookId: "whk-all", eventSeq: 1, eventType: "task.updated", status, nextAttemptAt: new Date(now - finishedDaysAgo * DAY) } });
        await row("delivered", 8);
        await row("delivered", 6);
        await row("failed", 31);
        await row("failed", 8);
        await row("retrying", 40);
        await row("pending", 40);
      });
      expect(await pruneFinishedDeliveries(now)).toBe(2);
      expect((await deliveries()).map((row) => row.status)).toEqual(["delivered", "failed", "retrying", "pending"]);
    });
  });
}
