// SPEC "Hardening": event streams are written only as fast as their client reads (replay paged from the
// database), at most 32 streams and 64 waiting long-polls per token (429 + Retry-After), and a client
// that stops reading is dropped.
import fs from "node:fs";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminToken, api, baseUrl, uniqueKey } from "./context";
import { client } from "../support/http";
import { openTestDatabase } from "../support/database";
import { testDb } from "../support/test-db";
import { startServer, type RunningServer } from "../support/server";

const MiB = 1024 * 1024;

/** Reads `text/event-stream` frames from a fetch response; `ids()` collects event ids until `count` are seen. */
function sseReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  return {
    async ids(count: number): Promise<number[]> {
      const ids: number[] = [];
      while (ids.length < count) {
        const { done, value } = await reader.read();
        if (done) throw new Error(`the stream ended after ${ids.length} events`);
        buffer += decoder.decode(value, { stream: true });
        const frames = buffer.split("\n\n");
        buffer = frames.pop()!;
        for (const frame of frames) {
          const id = /^id: (\d+)$/m.exec(frame);
          if (id) ids.push(Number(id[1]));
        }
      }
      return ids;
    },
  };
}

async function openStream(url: string, token: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}`, ...headers }, signal: controller.signal });
  return { response, close: () => controller.abort() };
}

async function newAgentToken(name: string): Promise<string> {
  const created = await api<{ token: string }>(`/api/v1/tokens`, { json: { name }, token: adminToken });
  expect(created.status).toBe(201);
  return created.body.token;
}

function expectTooManyRequests(response: Response) {
  expect(response.status).toBe(429);
  expect(response.headers.get("content-type")).toContain("application/problem+json");
  expect(Number(response.headers.get("retry-after"))).toBeGreaterThan(0);
}

describe("event stream replay", () => {
  it("replays a log longer than one page: every event, in order, then goes live", async () => {
    const key = uniqueKey("paged");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Paged replay" } });
    const operations = Array.from({ length: 450 }, (_, i) => ({ op: "checkpoint", task: key, body: { summary: `step ${i}` } }));
    const batch = await api<{ results: { status: number }[] }>(`/api/v1/batch`, { json: { operations } });
    expect(batch.body.results.filter((result) => result.status === 201)).toHaveLength(450);
    const logged = (await testDb().query<{ seq: number }>(`SELECT "seq" FROM "Event" WHERE "taskKey" = ? ORDER BY "seq"`, key)).map((row) => row.seq);
    expect(logged.length).toBeGreaterThan(450);

    const stream = await openStream(`${baseUrl}/api/v1/events?task=${key}`, await newAgentToken("replay"), { "last-event-id": "0" });
    try {
      const events = sseReader(stream.response);
      expect(await events.ids(logged.length)).toEqual(logged);
      await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "live" } });
      const [live] = await events.ids(1);
      expect(live).toBeGreaterThan(logged.at(-1)!);
    } finally {
      stream.close();
    }
  });
});

describe("per-token caps", () => {
  it("refuses the 33rd stream of one token with 429 and Retry-After; closing a stream frees its slot; other tokens are unaffected", async () => {
    const token = await newAgentToken("many streams");
    const streams = [];
    try {
      for (let i = 0; i < 32; i++) {
        const stream = await openStream(`${baseUrl}/api/v1/events`, token);
        streams.push(stream);
        expect(stream.response.status).toBe(200);
      }
      const refused = await openStream(`${baseUrl}/api/v1/events`, token);
      expectTooManyRequests(refused.response);
      expect(await refused.response.json()).toMatchObject({ status: 429, limit: 32 });

      const other = await openStream(`${baseUrl}/api/v1/events`, await newAgentToken("another"));
      expect(other.response.status).toBe(200);
      other.close();

      streams.shift()!.close();
      let admitted: Awaited<ReturnType<typeof openStream>> | undefined;
      for (let attempt = 0; attempt < 50 && !admitted; attempt++) {
        const next = await openStream(`${baseUrl}/api/v1/events`, token);
        if (next.response.status === 200) admitted = next;
        else await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(admitted?.response.status).toBe(200);
      streams.push(admitted!);
    } finally {
      streams.forEach((stream) => stream.close());
    }
  });

  it("refuses the 65th waiting long-poll of one token with 429 and Retry-After, while a read without wait answers", async () => {
    const key = uniqueKey("polls");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Polls", phases: [{ key: "apply", requiresApproval: true }] } });
    const approval = await api<{ id: string }>(`/api/v1/tasks/${key}/phases/apply/approvals`, { json: { title: "Apply", artifact: { name: "plan.txt", content: "plan" } } });
    expect(approval.status).toBe(201);
    const token = await newAgentToken("many polls");
    const url = `${baseUrl}/api/v1/approvals/${approval.body.id}`;
    const aborts = new AbortController();
    const waiting = Array.from({ length: 64 }, () =>
      fetch(`${url}?wait=60`, { headers: { authorization: `Bearer ${token}` }, signal: aborts.signal }).catch((error: Error) => error),
    );
    try {
      // The 64 reach the server in their own time: ask (briefly) until all of them hold their slots.
      let refused: Response | undefined;
      for (let attempt = 0; attempt < 50 && !refused; attempt++) {
        const response = await fetch(`${url}?wait=1`, { headers: { authorization: `Bearer ${token}` } });
        if (response.status === 429) refused = response;
      }
      expectTooManyRequests(refused!);
      expect(await refused!.json()).toMatchObject({ status: 429, limit: 64 });
      expect((await client(baseUrl, token)(`/api/v1/approvals/${approval.body.id}`)).status).toBe(200);
    } finally {
      aborts.abort();
      await Promise.all(waiting);
    }
    let status = 429;
    for (let attempt = 0; attempt < 50 && status === 429; attempt++) {
      status = (await client(baseUrl, token)(`/api/v1/approvals/${approval.body.id}?wait=0.1`)).status;
    }
    expect(status).toBe(200);
  });
});

describe("a client that stops reading", () => {
  const STALL_MS = 1000;
  const LOG_EVENTS = 3000;
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ BATON_SSE_STALL_MS: String(STALL_MS) });
  }, 300_000);
  afterAll(() => server?.stop());

  /** Sends the request and never reads the answer: the socket buffers fill and the server must stop writing. */
  function stalledClient(lastEventId: string): Promise<net.Socket> {
    const { hostname, port } = new URL(server.url);
    return new Promise((resolve, reject) => {
      const socket = net.connect({ host: hostname, port: Number(port) }, () => {
        socket.pause();
        socket.write(`GET /api/v1/events HTTP/1.1\r\nHost: ${hostname}:${port}\r\nAuthorization: Bearer ${server.agentToken}\r\nLast-Event-ID: ${lastEventId}\r\n\r\n`);
        resolve(socket);
      });
      socket.once("error", reject);
    });
  }

  const rssMiB = () => Number(/^VmRSS:\s+(\d+) kB$/m.exec(fs.readFileSync(`/proc/${server.serverPid()}/status`, "utf8"))![1]) / 1024;

  it("holds a page, not the log, for each of ten non-reading replays of a 30 MB log, and drops them", async () => {
    const call = client(server.url, server.agentToken);
    const key = uniqueKey("big-log");
    const created = await call<{ seq: number }>(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "big", body: "b".repeat(10_000) } });
    expect(created.status).toBe(201);
    // A large log, arranged directly: 3000 copies of that ~10 KB checkpoint event.
    const db = openTestDatabase(server.databaseUrl);
    const [{ seq }] = await db.query<{ seq: number }>(`SELECT MAX("seq") AS "seq" FROM "Event" WHERE "taskKey" = ?`, key);
    await db.query(
      `WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ?)
       INSERT INTO "Event" ("taskId", "taskKey", "type", "actor", "payload", "createdAt")
       SELECT "taskId", "taskKey", "type", "actor", "payload", "createdAt" FROM "Event", n WHERE "seq" = ?`,
      LOG_EVENTS,
      seq,
    );
    await db.close();

    // One full replay by a reading client first, so the baseline includes the code paths and their caches.
    const reading = await openStream(`${server.url}/api/v1/events`, server.agentToken, { "last-event-id": "0" });
    const ids = await sseReader(reading.response).ids(LOG_EVENTS);
    reading.close();
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    const logBytes = LOG_EVENTS * 10_000;

    await new Promise((resolve) => setTimeout(resolve, 1000));
    const before = rssMiB();
    const sockets = await Promise.all(Array.from({ length: 10 }, () => stalledClient("0")));
    try {
      // Buffering the log would take 10 × 30 MB (twice: as text and as bytes); a page each stays far below.
      let peak = before;
      for (let sample = 0; sample < 20; sample++) {
        await new Promise((resolve) => setTimeout(resolve, 500));
        peak = Math.max(peak, rssMiB());
      }
      console.log(`server RSS: ${before.toFixed(0)} MiB before, peak ${peak.toFixed(0)} MiB over 10 s of 10 stalled replays of a ${(logBytes / MiB).toFixed(0)} MiB log`);
      expect(peak - before).toBeLessThan(100);

      // Dropped: once it reads again, a stalled client gets what was already in flight, then the server hangs up.
      const received = await new Promise<number>((resolve) => {
        let bytes = 0;
        sockets[0].on("data", (chunk: Buffer) => (bytes += chunk.length));
        sockets[0].once("close", () => resolve(bytes));
        sockets[0].on("error", () => {});
        sockets[0].resume();
      });
      expect(received).toBeGreaterThan(0);
      expect(received).toBeLessThan(logBytes / 2);
    } finally {
      sockets.forEach((socket) => socket.destroy());
    }
  }, 120_000);
});
