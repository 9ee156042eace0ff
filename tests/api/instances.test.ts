// Two real Baton instances on one PostgreSQL database (a fresh database in the run's throwaway cluster):
// what is committed through one is seen, woken and enforced through the other.
import http from "node:http";
import { createHash } from "node:crypto";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { client } from "../support/http";
import { personClient } from "../support/person";
import { postgresCluster } from "../support/postgres";
import { startServer, type RunningServer } from "../support/server";
import { openEventStream } from "../support/sse";

type Approval = { id: string; status: string; artifactSha256: string; decidedBy: string | null };
type Question = { id: number; status: string; answer: string | null };
type CheckpointEvent = { seq: number; type: string; taskKey: string; payload: { checkpoint: { seq: number; summary: string } } };
type BatchResponse = { results: { status: number }[] };

const cluster = postgresCluster(inject("postgresAdminUrl"));
const adminToken = `baton_adm_test_${Math.random().toString(36).slice(2)}`;
const agentToken = `baton_agt_test_${Math.random().toString(36).slice(2)}`;

let databaseUrl: string;
let a: RunningServer;
let b: RunningServer;
const onA = () => client(a.url, agentToken);
const onB = () => client(b.url, agentToken);

let counter = 0;
const uniqueKey = (prefix: string) => `${prefix}-${Date.now().toString(36)}-${++counter}`;

beforeAll(async () => {
  databaseUrl = await cluster.createDatabase();
  // The same database and the same configured tokens, as two instances behind one proxy would have. One
  // after the other: the first one migrates, the second finds everything in place.
  const shared = { DATABASE_URL: databaseUrl, BATON_TOKEN_CACHE_TTL_MS: String(10 * 60_000) };
  a = await startServer(shared, { adminToken, agentToken });
  b = await startServer(shared, { adminToken, agentToken });
}, 300_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  if (databaseUrl) await cluster.dropDatabase(databaseUrl);
}, 60_000);

async function gatedApproval(api: ReturnType<typeof client>): Promise<Approval> {
  const key = uniqueKey("gate");
  await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Deploy", phases: [{ key: "plan" }, { key: "apply", requiresApproval: true }] } });
  const created = await api<Approval>(`/api/v1/tasks/${key}/phases/apply/approvals`, {
    json: { title: "Apply the plan", artifact: { name: "plan.txt", content: "Plan: 1 to add, 0 to change, 0 to destroy." } },
  });
  expect(created.status).toBe(201);
  return created.body;
}

describe("two instances on one PostgreSQL database", () => {
  it("delivers a checkpoint posted to A to an SSE client on B, and B replays it after Last-Event-ID", async () => {
    const key = uniqueKey("sse");
    await onA()(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Live across instances" } });
    const stream = await openEventStream(`${b.url}/api/v1/events?task=${key}`, agentToken);
    let firstId: string;
    try {
      await stream.connected();
      expect((await onA()(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "posted to A" } })).status).toBe(201);
      const first = await stream.nextEvent<CheckpointEvent>();
      expect(first.data).toMatchObject({ type: "checkpoint.created", taskKey: key, payload: { checkpoint: { summary: "posted to A" } } });
      firstId = first.id;
    } finally {
      stream.close();
    }
    await onA()(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "posted to A while B's client was away" } });
    const resumed = await openEventStream(`${b.url}/api/v1/events?task=${key}`, agentToken, { "last-event-id": firstId });
    try {
      await resumed.connected();
      const replayed = await resumed.nextEvent<CheckpointEvent>();
      expect(replayed.data.payload.checkpoint.summary).toBe("posted to A while B's client was away");
    } finally {
      resumed.close();
    }
  });

  it("wakes an approval long-poll on A when a person decides on B", async () => {
    const approval = await gatedApproval(onA());
    // wait=60 outlasts the test's own timeout: only a poll woken by the decision can return in time.
    const poll = onA()<Approval>(`/api/v1/approvals/${approval.id}?wait=60`);
    const person = await personClient(b.url, adminToken);
    const decided = await person<Approval>(`/api/v1/approvals/${approval.id}/decision`, {
      json: { decision: "approve", artifactSha256: approval.artifactSha256, comment: "decided on B" },
    });
    expect(decided.status).toBe(200);
    expect((await poll).body).toMatchObject({ id: approval.id, status: "approved" });
  });

  it("wakes a question long-poll on A when a person answers on B", async () => {
    const key = uniqueKey("question");
    await onA()(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Replica rollout" } });
    const asked = await onA()<Question>(`/api/v1/tasks/${key}/blockers`, {
      json: { kind: "decision", title: "Pick the region", question: "Which region?", options: ["us-east-1", "eu-west-1"] },
    });
    expect(asked.status).toBe(201);
    const poll = onA()<Question>(`/api/v1/tasks/${key}/blockers/${asked.body.id}?wait=60`);
    const person = await personClient(b.url, adminToken);
    expect((await person(`/api/v1/tasks/${key}/blockers/${asked.body.id}/answer`, { json: { answer: "eu-west-1" } })).status).toBe(200);
    expect((await poll).body).toMatchObject({ id: asked.body.id, status: "resolved", answer: "eu-west-1" });
  });

  it("keeps 20 agents alternating between A and B at exactly 5,000 checkpoints with gap-free seqs", async () => {
    const tasks = [uniqueKey("load"), uniqueKey("load"), uniqueKey("load"), uniqueKey("load")];
    // Each agent: 9 batches of 25 checkpoints, then 25 single checkpoints each sent to A and B at once under
    // one Idempotency-Key (a retry racing the original on the other instance): 250 checkpoints per agent.
    const agent = async (index: number) => {
      const task = tasks[index % tasks.length];
      const servers = [onA(), onB()];
      for (let round = 0; round < 9; round++) {
        const operations = Array.from({ length: 25 }, (_, item) => ({ op: "checkpoint", task, body: { summary: `agent ${index} batch ${round} item ${item}` } }));
        const response = await servers[(index + round) % 2]<BatchResponse>(`/api/v1/batch`, { json: { operations } });
        expect(response.status).toBe(207);
        expect(response.body.results.every((result) => result.status === 201)).toBe(true);
      }
      for (let single = 0; single < 25; single++) {
        const request = { json: { summary: `agent ${index} single ${single}` }, headers: { "idempotency-key": `agent-${index}-${task}-${single}` } };
        const [first, retry] = await Promise.all(servers.map((api) => api(`/api/v1/tasks/${task}/checkpoints`, request)));
        expect([first.status, retry.status]).toEqual([201, 201]);
        expect(retry.body).toEqual(first.body);
      }
    };
    await Promise.all(Array.from({ length: 20 }, (_, index) => agent(index)));

    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    try {
      const { rows } = await db.query<{ key: string; count: number; distinct_seqs: number; distinct_summaries: number; first: number; last: number }>(
        `SELECT t.key, count(*)::int AS count, count(DISTINCT c.seq)::int AS distinct_seqs, count(DISTINCT c.summary)::int AS distinct_summaries,
                min(c.seq)::int AS first, max(c.seq)::int AS last
           FROM "Checkpoint" c JOIN "Task" t ON t.id = c."taskId" WHERE t.key = ANY($1) GROUP BY t.key ORDER BY t.key`,
        [tasks],
      );
      expect(rows.reduce((sum, row) => sum + row.count, 0)).toBe(5_000);
      for (const row of rows) expect(row).toEqual({ key: row.key, count: 1_250, distinct_seqs: 1_250, distinct_summaries: 1_250, first: 1, last: 1_250 });
    } finally {
      await db.end();
    }
  }, 360_000);

  it("refuses on B a token revoked on A, though B had it cached", async () => {
    const admin = client(a.url, adminToken);
    const created = await admin<{ id: string; token: string }>(`/api/v1/tokens`, { json: { name: "revoked across instances" } });
    expect(created.status).toBe(201);
    const onBWithToken = client(b.url, created.body.token);
    // B now holds the token in its cache, for ten minutes in this suite: only the invalidation can end it.
    expect((await onBWithToken(`/api/v1/tasks`)).status).toBe(200);
    expect((await admin(`/api/v1/tokens/${created.body.id}`, { method: "DELETE" })).status).toBe(200);
    const revokedAt = performance.now();
    await expect.poll(async () => (await onBWithToken(`/api/v1/tasks`)).status, { timeout: 15_000, interval: 100 }).toBe(401);
    console.log(`revocation on A held on B after ${(performance.now() - revokedAt).toFixed(0)} ms`);
  });

  it("delivers through B with a webhook created on A after B had read the webhook list", async () => {
    const received: { event: { seq: number; taskKey: string } }[] = [];
    const receiver = http.createServer((request, response) => {
      let body = "";
      request.on("data", (chunk: Buffer) => (body += chunk.toString()));
      request.on("end", () => {
        received.push(JSON.parse(body) as { event: { seq: number; taskKey: string } });
        response.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const admin = client(a.url, adminToken);
    let webhookId: string | undefined;
    try {
      const key = uniqueKey("hook");
      // A commit on B first makes B read (and keep) the list of webhooks while it has none.
      expect((await onB()(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "before the webhook" } })).status).toBe(201);
      const { port } = receiver.address() as { port: number };
      const secret = createHash("sha256").update(key).digest("hex");
      const hook = await admin<{ id: string }>(`/api/v1/webhooks`, { json: { url: `http://127.0.0.1:${port}/hook`, events: ["checkpoint.created"], secret } });
      expect(hook.status).toBe(201);
      webhookId = hook.body.id;
      const posted = await onB()<{ seq: number }>(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "after the webhook" } });
      expect(posted.status).toBe(201);
      await expect.poll(() => received.some((delivery) => delivery.event.taskKey === key), { timeout: 15_000, interval: 100 }).toBe(true);
    } finally {
      if (webhookId) await admin(`/api/v1/webhooks/${webhookId}`, { method: "DELETE" });
      await new Promise((resolve) => receiver.close(resolve));
    }
  });
});
