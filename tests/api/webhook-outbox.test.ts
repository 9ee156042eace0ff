// The webhook outbox through real servers and a loopback receiver: deliveries commit with their events, survive
// a SIGKILL mid-delivery, and two processes sharing one database never both send a delivery.
import Database from "better-sqlite3";
import pg from "pg";
import { afterAll, afterEach, describe, expect, inject, it, onTestFinished } from "vitest";
import { adminToken, api, uniqueKey } from "./context";
import { client } from "../support/http";
import { startServer } from "../support/server";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

const SECRET = "whsec_outbox_0123456789abcdef";
const START_TIMEOUT = 300_000;

type Delivery = { id: number; eventSeq: number; status: string; attempts: number; responseStatus: number | null };

const receivers: WebhookReceiver[] = [];
/** Servers to stop after the tests, last started first; all but the last of a shared data folder keep it. */
const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const receiver of receivers.splice(0)) await receiver.close();
});
afterAll(async () => {
  for (const stop of stops.splice(0).reverse()) await stop();
});

async function receiver(...args: Parameters<typeof startWebhookReceiver>) {
  const started = await startWebhookReceiver(...args);
  receivers.push(started);
  return started;
}

async function subscribe(call: ReturnType<typeof client>, token: string, url: string, events: string[]) {
  const created = await call<{ id: string }>(`/api/v1/webhooks`, { json: { url, events, secret: SECRET }, token });
  expect(created.status).toBe(201);
  return created.body.id;
}

async function deliveries(call: ReturnType<typeof client>, token: string, webhookId: string) {
  const response = await call<{ items: Delivery[] }>(`/api/v1/webhooks/${webhookId}/deliveries?limit=200`, { token });
  expect(response.status).toBe(200);
  return response.body.items;
}

type SnapshotReader = {
  /** Runs each `[sql with one ? parameter, value]` in one read snapshot and returns each query's first column as numbers. */
  snapshot: (queries: [string, string][]) => Promise<number[][]>;
  close: () => Promise<void>;
};

/** A connection of its own to the server's database (SQLite file or PostgreSQL) that reads consistent snapshots. */
async function snapshotReader(databaseUrl: string): Promise<SnapshotReader> {
  if (databaseUrl.startsWith("file:")) {
    const db = new Database(databaseUrl.slice("file:".length), { readonly: true });
    const read = db.transaction((queries: [string, string][]) => queries.map(([sql, value]) => db.prepare(sql).pluck().all(value).map(Number)));
    return { snapshot: async (queries) => read.deferred(queries), close: async () => void db.close() };
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  return {
    snapshot: async (queries) => {
      await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
      try {
        const results: number[][] = [];
        for (const [sql, value] of queries) results.push((await client.query({ text: sql.replace("?", "$1"), values: [value], rowMode: "array" })).rows.map((row: unknown[]) => Number(row[0])));
        return results;
      } finally {
        await client.query("COMMIT");
      }
    },
    close: () => client.end(),
  };
}

describe("the webhook outbox", () => {
  it("commits each event's delivery rows in the event's own transaction, seen by a reader at every moment of a burst", async () => {
    const hooked = await receiver();
    const webhookId = await subscribe(api, adminToken, hooked.url, ["checkpoint.created"]);
    // The shared server outlives this test: a webhook left on it would collect every later test's checkpoints.
    onTestFinished(async () => void (await api(`/api/v1/webhooks/${webhookId}`, { method: "DELETE", token: adminToken })));
    const key = uniqueKey("outbox");
    expect((await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Outbox burst" } })).status).toBeLessThan(300);

    // A second connection to the server's database, reading committed data only, as any other process would.
    const inspect = await snapshotReader(inject("databaseUrl"));
    const orphans = async () => {
      const [seqs, delivered] = await inspect.snapshot([
        [`SELECT seq FROM "Event" WHERE "taskKey" = ? AND type = 'checkpoint.created'`, key],
        [`SELECT "eventSeq" AS seq FROM "WebhookDelivery" WHERE "webhookId" = ?`, webhookId],
      ]);
      const rows = new Set(delivered);
      return { seen: seqs.length, missing: seqs.filter((seq) => !rows.has(seq)) };
    };
    let bursting = true;
    let snapshotsWithEvents = 0;
    const watching = (async () => {
      while (bursting) {
        const snapshot = await orphans();
        expect(snapshot.missing, "events committed without their deliveries").toEqual([]);
        if (snapshot.seen > 0) snapshotsWithEvents += 1;
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    })();
    const agent = async (name: string) => {
      for (let i = 0; i < 20; i++) {
        expect((await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: `${name} step ${i}`, agent: name } })).status).toBe(201);
      }
    };
    await Promise.all(Array.from({ length: 10 }, (_, n) => agent(`agent-${n}`)));
    bursting = false;
    await watching;
    expect(snapshotsWithEvents).toBeGreaterThan(0);
    expect(await orphans()).toEqual({ seen: 200, missing: [] });
    await inspect.close();

    await hooked.waitFor(200, 60_000);
    const ids = hooked.received.map((request) => request.headers["baton-delivery"]);
    expect(new Set(ids).size).toBe(200);
    await expect.poll(async () => (await deliveries(api, adminToken, webhookId)).filter((d) => d.status === "delivered").length).toBe(200);
  });

  it("sends a delivery again after the server is SIGKILLed while the receiver holds its request, and records one success", { timeout: START_TIMEOUT }, async () => {
    const env = { BATON_WEBHOOK_LEASE_MS: "4000" };
    const first = await startServer(env);
    stops.push(() => first.stop());
    // The first request is held open until the server dies; the retry is answered.
    const hooked = await receiver((_request, index) => (index === 0 ? null : 204));
    const call = client(first.url, first.agentToken);
    const webhookId = await subscribe(call, first.adminToken, hooked.url, ["blocker.opened"]);
    const key = uniqueKey("outbox-kill");
    expect((await call(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Killed mid-delivery" } })).status).toBeLessThan(300);
    expect((await call(`/api/v1/tasks/${key}/blockers`, { json: { title: "Need the VPN", kind: "access" } })).status).toBe(201);
    const [held] = await hooked.waitFor(1);
    await first.kill();

    const second = await startServer(env, { dataDir: first.dataDir, adminToken: first.adminToken, agentToken: first.agentToken });
    stops.push(() => second.stop());
    const [, retried] = await hooked.waitFor(2);
    expect(retried.headers["baton-delivery"]).toBe(held.headers["baton-delivery"]);
    expect(retried.body).toBe(held.body);
    expect(JSON.parse(retried.body)).toMatchObject({ webhookId, event: { type: "blocker.opened", taskKey: key } });

    const after = client(second.url, second.agentToken);
    await expect.poll(async () => (await deliveries(after, second.adminToken, webhookId))[0]?.status, { timeout: 15_000 }).toBe("delivered");
    const log = await deliveries(after, second.adminToken, webhookId);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ status: "delivered", responseStatus: 204, attempts: 1 });
    // Long enough for a second lease to run out: a delivered row is never sent again.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(hooked.received).toHaveLength(2);
  });

  it("lets two server processes on one database deliver every row exactly once, retries included", { timeout: START_TIMEOUT }, async () => {
    const env = { BATON_WEBHOOK_BACKOFF_MS: "200", BATON_SCHEDULER_TICK_MS: "100" };
    const a = await startServer(env);
    stops.push(() => a.stop());
    const b = await startServer(env, { dataDir: a.dataDir, adminToken: a.adminToken, agentToken: a.agentToken });
    stops.push(() => b.stop({ keepData: true }));
    // Every first attempt fails, so both processes' sweeps race for each retry as well.
    const hooked = await receiver(async (request) => {
      await new Promise((resolve) => setTimeout(resolve, 20));
      return request.headers["baton-attempt"] === "1/8" ? 500 : 200;
    });
    const [callA, callB] = [client(a.url, a.agentToken), client(b.url, b.agentToken)];
    const webhookId = await subscribe(callA, a.adminToken, hooked.url, ["checkpoint.created"]);
    const key = uniqueKey("outbox-two");
    expect((await callA(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Two processes" } })).status).toBeLessThan(300);
    const agent = async (call: ReturnType<typeof client>, name: string) => {
      for (let i = 0; i < 10; i++) expect((await call(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: `${name} ${i}` } })).status).toBe(201);
    };
    await Promise.all([0, 1, 2, 3].flatMap((n) => [agent(callA, `a-${n}`), agent(callB, `b-${n}`)]));

    await expect
      .poll(async () => (await deliveries(callB, b.adminToken, webhookId)).filter((d) => d.status === "delivered").length, { timeout: 60_000 })
      .toBe(80);
    const log = await deliveries(callA, a.adminToken, webhookId);
    expect(log).toHaveLength(80);
    expect(log.every((d) => d.attempts === 2 && d.responseStatus === 200)).toBe(true);
    const attemptsById = new Map<string, string[]>();
    for (const request of hooked.received) {
      const id = String(request.headers["baton-delivery"]);
      attemptsById.set(id, [...(attemptsById.get(id) ?? []), String(request.headers["baton-attempt"])]);
    }
    expect(attemptsById.size).toBe(80);
    for (const [id, attempts] of attemptsById) expect(attempts.sort(), `delivery ${id}`).toEqual(["1/8", "2/8"]);
  });
});
