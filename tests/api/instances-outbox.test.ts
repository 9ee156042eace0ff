// Two real Baton instances on one PostgreSQL database (a fresh database in the run's throwaway cluster): an
// instance SIGKILLed while a receiver holds its webhook request loses no delivery; the other instance sends it.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import { client } from "../support/http";
import { postgresCluster } from "../support/postgres";
import { startServer, type RunningServer } from "../support/server";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver";

type Delivery = { id: number; status: string; attempts: number; responseStatus: number | null };

const cluster = postgresCluster(inject("postgresAdminUrl"));
const adminToken = `baton_adm_test_${Math.random().toString(36).slice(2)}`;
const agentToken = `baton_agt_test_${Math.random().toString(36).slice(2)}`;
const SECRET = "whsec_instances_0123456789abcdef";

let databaseUrl: string;
let instances: RunningServer[] = [];
let receiver: WebhookReceiver | undefined;

beforeAll(async () => {
  databaseUrl = await cluster.createDatabase();
  // A short lease, so the survivor takes the dead instance's delivery over within seconds.
  const shared = { DATABASE_URL: databaseUrl, BATON_WEBHOOK_LEASE_MS: "4000" };
  // One after the other: the first one migrates, the second finds everything in place.
  instances = [await startServer(shared, { adminToken, agentToken })];
  instances.push(await startServer(shared, { adminToken, agentToken }));
}, 300_000);

afterEach(() => receiver?.close());

afterAll(async () => {
  await Promise.all(instances.map((instance) => instance.stop()));
  if (databaseUrl) await cluster.dropDatabase(databaseUrl);
}, 60_000);

/** Which instance claimed the delivery: its `claimedBy` starts with `<hostname>:<pid of its next-server>:`. */
async function claimer(webhookId: string): Promise<RunningServer> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ claimedBy: string | null }>(`SELECT "claimedBy" FROM "WebhookDelivery" WHERE "webhookId" = $1`, [webhookId]);
    expect(rows).toHaveLength(1);
    const pid = Number(rows[0].claimedBy?.split(":")[1]);
    const found = instances.find((instance) => instance.serverPid() === pid);
    if (!found) throw new Error(`No instance has pid ${pid} (claimedBy ${rows[0].claimedBy})`);
    return found;
  } finally {
    await db.end();
  }
}

describe("two instances on one PostgreSQL database, webhook outbox", () => {
  it("sends the delivery through the other instance when the one sending it is SIGKILLed mid-request, and records one success", async () => {
    // The first request is held open until its sender dies; the retry is answered.
    receiver = await startWebhookReceiver((_request, index) => (index === 0 ? null : 204));
    const [a] = instances;
    const admin = client(a.url, adminToken);
    const hook = await admin<{ id: string }>(`/api/v1/webhooks`, { json: { url: receiver.url, events: ["blocker.opened"], secret: SECRET } });
    expect(hook.status).toBe(201);
    const key = `instances-outbox-${Date.now().toString(36)}`;
    const agent = client(a.url, agentToken);
    expect((await agent(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Killed mid-webhook" } })).status).toBeLessThan(300);
    expect((await agent(`/api/v1/tasks/${key}/blockers`, { json: { title: "Need the VPN", kind: "access" } })).status).toBe(201);

    const [held] = await receiver.waitFor(1);
    const sender = await claimer(hook.body.id);
    await sender.kill();
    const survivor = instances.find((instance) => instance !== sender)!;

    const [, retried] = await receiver.waitFor(2);
    expect(retried.headers["baton-delivery"]).toBe(held.headers["baton-delivery"]);
    expect(retried.body).toBe(held.body);
    expect(JSON.parse(retried.body)).toMatchObject({ webhookId: hook.body.id, event: { type: "blocker.opened", taskKey: key } });

    const log = async () => (await client(survivor.url, adminToken)<{ items: Delivery[] }>(`/api/v1/webhooks/${hook.body.id}/deliveries`)).body.items;
    await expect.poll(async () => (await log())[0]?.status, { timeout: 15_000 }).toBe("delivered");
    expect(await log()).toEqual([expect.objectContaining({ status: "delivered", attempts: 1, responseStatus: 204 })]);
    // Long enough for another lease to run out: a delivered row is never sent again.
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect(receiver.received).toHaveLength(2);
  }, 120_000);
});
