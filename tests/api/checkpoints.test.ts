import { describe, expect, it } from "vitest";
import { api, uniqueKey } from "./context";

type Checkpoint = { seq: number; summary: string; phase: string | null };

describe("POST /api/v1/tasks/{key}/checkpoints", () => {
  it("records the guide's 73% backfill checkpoint and the task reports it", async () => {
    const key = uniqueKey("backfill");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Backfill", phases: [{ key: "schema-migration" }, { key: "backfill" }] } });
    await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "Schema migration complete", phase: "schema-migration", phaseStatus: "done" } });
    const response = await api<Checkpoint>(`/api/v1/tasks/${key}/checkpoints`, {
      json: {
        summary: "Backfill script ran for 1M records",
        phase: "backfill",
        progress: { current: 730000, total: 1000000, unit: "records" },
        resumeFrom: "record 730000",
        next: ["Modify backfill script to start at offset 730000", "Run remaining 270,000 records", "Verify foreign key constraints"],
      },
    });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ seq: 2, phase: "backfill", resumeFrom: "record 730000" });
    const task = await api(`/api/v1/tasks/${key}`);
    expect(task.body).toMatchObject({
      status: "active",
      progress: { percent: 86.5 },
      currentPhase: { key: "backfill", progress: { current: 730000, total: 1000000, percent: 73 }, resumeFrom: "record 730000" },
      latestCheckpoint: { seq: 2 },
    });
  });

  it("creates an unknown task and phase on the fly", async () => {
    const key = uniqueKey("fly");
    const response = await api<Checkpoint>(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "first", phase: "warmup" } });
    expect(response.status).toBe(201);
    const task = await api(`/api/v1/tasks/${key}`);
    expect(task.body).toMatchObject({ key, title: key, phases: [expect.objectContaining({ key: "warmup", status: "active" })] });
  });

  it("gives concurrent writers distinct, gap-free seqs", async () => {
    const key = uniqueKey("race");
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => api<Checkpoint>(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: `c${i}` } })),
    );
    expect(responses.every((r) => r.status === 201)).toBe(true);
    const seqs = responses.map((r) => r.body.seq).sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it("replays an Idempotency-Key retry without a second record, and refuses the key with another body", async () => {
    const key = uniqueKey("idem");
    const send = (summary: string) =>
      api<Checkpoint>(`/api/v1/tasks/${key}/checkpoints`, { json: { summary }, headers: { "idempotency-key": `k-${key}` } });
    const first = await send("once");
    const retry = await send("once");
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get("idempotent-replayed")).toBe("true");
    expect(retry.body).toEqual(first.body);
    const other = await send("different");
    expect(other.status).toBe(422);
    const list = await api<{ items: Checkpoint[] }>(`/api/v1/tasks/${key}/checkpoints`);
    expect(list.body.items).toHaveLength(1);
  });

  it("rejects invalid checkpoints with 422 and writes nothing", async () => {
    const key = uniqueKey("bad");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Bad input" } });
    const response = await api(`/api/v1/tasks/${key}/checkpoints`, {
      json: { summary: "x", progress: { current: 5, total: 2 }, metrics: { tokens: "many" } },
    });
    expect(response.status).toBe(422);
    const paths = (response.body.errors as { path: string }[]).map((e) => e.path).sort();
    expect(paths).toEqual(["metrics.tokens", "progress.current"]);
    const list = await api<{ items: Checkpoint[] }>(`/api/v1/tasks/${key}/checkpoints`);
    expect(list.body.items).toHaveLength(0);
  });
});

describe("GET /api/v1/tasks/{key}/checkpoints", () => {
  it("pages newest first with before= and limit=", async () => {
    const key = uniqueKey("page");
    for (let i = 1; i <= 5; i++) await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: `step ${i}` } });
    const first = await api<{ items: Checkpoint[]; nextBefore: number | null }>(`/api/v1/tasks/${key}/checkpoints?limit=2`);
    expect(first.body.items.map((c) => c.seq)).toEqual([5, 4]);
    expect(first.body.nextBefore).toBe(4);
    const rest = await api<{ items: Checkpoint[]; nextBefore: number | null }>(`/api/v1/tasks/${key}/checkpoints?before=4&limit=10`);
    expect(rest.body.items.map((c) => c.seq)).toEqual([3, 2, 1]);
    expect(rest.body.nextBefore).toBeNull();
  });

  it("answers 404 for an unknown task", async () => {
    expect((await api(`/api/v1/tasks/${uniqueKey("missing")}/checkpoints`)).status).toBe(404);
  });
});
