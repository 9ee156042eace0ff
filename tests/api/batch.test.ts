import { describe, expect, it } from "vitest";
import { agentToken, api, baseUrl, uniqueKey } from "./context";
import { events } from "../support/test-db";

type Result = { status: number; body?: Record<string, unknown> | null; problem?: { type: string; status: number; errors?: { path: string }[] }; replayed?: boolean };
type BatchResponse = { results: Result[] };

const batch = (operations: unknown[], options: { headers?: Record<string, string>; token?: string | null } = {}) =>
  api<BatchResponse>(`/api/v1/batch`, { json: { operations }, ...options });

async function createTask(phases: object[] = []) {
  const key = uniqueKey("batch");
  await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Buffered agent", phases } });
  return key;
}

describe("POST /api/v1/batch", () => {
  it("applies checkpoint, heartbeat, phase and blocker operations in order and answers 207 with one result each", async () => {
    const key = await createTask([{ key: "backfill" }]);
    const response = await batch([
      { op: "checkpoint", task: key, phase: "backfill", body: { summary: "Backfill 50%", progress: { current: 500000, total: 1000000, unit: "records" } } },
      { op: "heartbeat", task: key, body: { agent: "db-agent" } },
      { op: "phase", task: key, phase: "backfill", body: { status: "active", progress: { current: 730000 } } },
      { op: "blocker", task: key, body: { title: "FK check needs a maintenance window", kind: "decision" } },
      { op: "checkpoint", task: key, body: { summary: "queued offline", resumeFrom: "record 730000" } },
    ]);
    expect(response.status).toBe(207);
    expect(response.body.results.map((r) => r.status)).toEqual([201, 204, 200, 201, 201]);
    expect(response.body.results[0].body).toMatchObject({ seq: 1, phase: "backfill" });
    expect(response.body.results[1].body).toBeNull();
    expect(response.body.results[2].body).toMatchObject({ key: "backfill", progress: { current: 730000, total: 1000000, percent: 73 } });
    expect(response.body.results[3].body).toMatchObject({ title: "FK check needs a maintenance window", status: "open" });
    expect(response.body.results[4].body).toMatchObject({ seq: 2, resumeFrom: "record 730000" });
    const task = await api(`/api/v1/tasks/${key}`);
    expect(task.body).toMatchObject({ status: "blocked", counts: { checkpoints: 2, openBlockers: 1 } });
  });

  it("isolates a failing item: its writes and events are undone, its neighbours are applied", async () => {
    const key = await createTask([{ key: "verify", verification: [{ name: "smoke" }] }]);
    const response = await batch([
      { op: "checkpoint", task: key, body: { summary: "first" } },
      // Writes a checkpoint, then fails the done gate: the whole item must vanish.
      { op: "checkpoint", task: key, phase: "verify", body: { summary: "claims done", phaseStatus: "done" } },
      { op: "checkpoint", task: key, body: { summary: "" } },
      { op: "phase", task: key, phase: "missing", body: { status: "active" } },
      { op: "phase", task: key, body: { status: "active" } },
      { op: "teleport", task: key, body: {} },
      { op: "checkpoint", task: "Not A Key", body: { summary: "x" } },
      { op: "checkpoint", task: key, body: "not an object" },
      { op: "checkpoint", task: key, body: { summary: "last" } },
    ]);
    expect(response.status).toBe(207);
    const results = response.body.results;
    expect(results.map((r) => r.status)).toEqual([201, 409, 422, 404, 422, 422, 422, 422, 201]);
    expect(results[1].problem?.type).toMatch(/verification-incomplete$/);
    expect(results[2].problem?.errors).toEqual([expect.objectContaining({ path: "summary" })]);
    expect(results[8].body).toMatchObject({ seq: 2, summary: "last" });
    const list = await api<{ items: { summary: string }[] }>(`/api/v1/tasks/${key}/checkpoints`);
    expect(list.body.items.map((c) => c.summary)).toEqual(["last", "first"]);
    expect((await events(key)).filter((e) => e.type === "checkpoint.created")).toHaveLength(2);
    const task = await api<{ phases: { status: string }[] }>(`/api/v1/tasks/${key}`);
    expect(task.body.phases[0].status).toBe("pending");
  });

  it("publishes live events only for the items that were applied", async () => {
    const key = await createTask([{ key: "verify", verification: [{ name: "smoke" }] }]);
    const controller = new AbortController();
    const stream = await fetch(`${baseUrl}/api/v1/events?task=${key}`, { headers: { authorization: `Bearer ${agentToken}` }, signal: controller.signal });
    const reader = stream.body!.getReader();
    const decoder = new TextDecoder();
    let received = "";
    while (!received.includes(": connected")) received += decoder.decode((await reader.read()).value);
    await batch([
      { op: "checkpoint", task: key, body: { summary: "first" } },
      { op: "checkpoint", task: key, phase: "verify", body: { summary: "rolled back", phaseStatus: "done" } },
      { op: "checkpoint", task: key, body: { summary: "last" } },
    ]);
    const summaries = () => [...received.matchAll(/"summary":"([^"]*)"/g)].map((m) => m[1]);
    while (summaries().length < 2) received += decoder.decode((await reader.read()).value);
    controller.abort();
    expect(summaries()).toEqual(["first", "last"]);
  });

  it("makes each item idempotent on its idempotencyKey: a re-flushed queue is replayed, not written twice", async () => {
    const key = await createTask();
    const queue = [
      { op: "checkpoint", task: key, idempotencyKey: `${key}-1`, body: { summary: "one" } },
      { op: "checkpoint", task: key, idempotencyKey: `${key}-2`, body: { summary: "two" } },
    ];
    const first = await batch(queue);
    expect(first.body.results.map((r) => [r.status, r.replayed])).toEqual([
      [201, undefined],
      [201, undefined],
    ]);
    const again = await batch([...queue, { op: "checkpoint", task: key, idempotencyKey: `${key}-3`, body: { summary: "three" } }]);
    expect(again.body.results.map((r) => [r.status, r.replayed])).toEqual([
      [201, true],
      [201, true],
      [201, undefined],
    ]);
    expect(again.body.results[0].body).toEqual(first.body.results[0].body);
    const reused = await batch([{ op: "checkpoint", task: key, idempotencyKey: `${key}-1`, body: { summary: "another body" } }]);
    expect(reused.body.results[0].status).toBe(422);
    expect((await api(`/api/v1/tasks/${key}`)).body).toMatchObject({ counts: { checkpoints: 3 } });
  });

  it("writes 1,000 checkpoints in one request with gap-free seqs", async () => {
    const key = await createTask();
    const operations = Array.from({ length: 1000 }, (_, i) => ({ op: "checkpoint", task: key, body: { summary: `item ${i}`, metrics: { i } } }));
    const response = await batch(operations);
    expect(response.status).toBe(207);
    expect(response.body.results.every((r) => r.status === 201)).toBe(true);
    expect(response.body.results.map((r) => r.body?.seq)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
  });

  it("refuses more than 1,000 operations with 422 and applies none", async () => {
    const key = await createTask();
    const operations = Array.from({ length: 1001 }, () => ({ op: "heartbeat", task: key }));
    const response = await api(`/api/v1/batch`, { json: { operations } });
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: "operations" })]);
  });

  it("answers 400 for malformed JSON, 422 for a body without operations, 401 without a token, 413 over 1 MiB", async () => {
    expect((await api(`/api/v1/batch`, { text: "{\"operations\": [", contentType: "application/json" })).status).toBe(400);
    expect((await api(`/api/v1/batch`, { json: { ops: [] } })).status).toBe(422);
    expect((await api(`/api/v1/batch`, { json: { operations: {} } })).status).toBe(422);
    expect((await batch([], { token: null })).status).toBe(401);
    const key = await createTask();
    const huge = [{ op: "checkpoint", task: key, body: { summary: "big", body: "x".repeat(1024 * 1024) } }];
    expect((await batch(huge)).status).toBe(413);
    expect((await api(`/api/v1/tasks/${key}`)).body).toMatchObject({ counts: { checkpoints: 0 } });
  });

  it("replays the whole batch for a retried Idempotency-Key header", async () => {
    const key = await createTask();
    const send = () => batch([{ op: "checkpoint", task: key, body: { summary: "once" } }], { headers: { "idempotency-key": `${key}-batch` } });
    const first = await send();
    const retry = await send();
    expect(retry.status).toBe(207);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    expect((await api(`/api/v1/tasks/${key}`)).body).toMatchObject({ counts: { checkpoints: 1 } });
  });
});
