import { describe, expect, it } from "vitest";
import { api, uniqueKey } from "./context";
import { taskId, testDb } from "../support/test-db";

type Timeline = {
  progress: { phase: string | null; unit: string | null; points: { seq: number; current: number }[] }[];
  metrics: { names: string[]; points: { seq: number; values: Record<string, number> }[] };
  verification: Record<string, Record<string, { status: string; seq: number }>>;
  checkpoints: number;
};

describe("GET /api/v1/tasks/{key}/timeline", () => {
  it("returns progress and metric series and the latest result of every verification step", async () => {
    const key = uniqueKey("timeline");
    const post = (json: object) => api(`/api/v1/tasks/${key}/checkpoints`, { json });
    await post({ summary: "build failed", phase: "build", verification: [{ name: "lint", status: "failed" }], metrics: { tokens: 100 } });
    await post({ summary: "half", phase: "backfill", progress: { current: 500, total: 1000, unit: "records" }, metrics: { tokens: 250 } });
    await post({ summary: "build fixed", phase: "build", verification: [{ name: "lint", status: "passed" }] });
    const response = await api<Timeline>(`/api/v1/tasks/${key}/timeline`);
    expect(response.status).toBe(200);
    expect(response.body.checkpoints).toBe(3);
    expect(response.body.verification.build.lint).toMatchObject({ status: "passed", seq: 3 });
    expect(response.body.progress).toEqual([expect.objectContaining({ phase: "backfill", unit: "records", points: [expect.objectContaining({ seq: 2, current: 500 })] })]);
    expect(response.body.metrics.names).toEqual(["tokens"]);
    expect(response.body.metrics.points.map((p) => p.values.tokens)).toEqual([100, 250]);
  });

  it("samples progress per phase: a phase with three progress points in a 5,000-checkpoint task keeps all three", async () => {
    const key = uniqueKey("timeline-sampled");
    const phases = [{ key: "prepare" }, { key: "backfill" }, { key: "switch" }];
    expect((await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Sampled", phases } })).status).toBeLessThan(300);
    const id = await taskId(key);
    const db = testDb();
    const total = 5_000;
    const rows = await Promise.all(
      Array.from({ length: total }, async (_, i) => {
        const seq = i + 1;
        // prepare: seqs 1..3 · switch: three points in the middle of the task · backfill: everything else
        const phase = seq <= 3 ? "prepare" : seq >= 2_500 && seq < 2_503 ? "switch" : "backfill";
        return [id, seq, phase, seq, total, await db.storedDate(new Date(Date.UTC(2026, 0, 1) + seq * 1000))];
      }),
    );
    for (let start = 0; start < total; start += 500) {
      const chunk = rows.slice(start, start + 500);
      await db.query(
        `INSERT INTO "Checkpoint" ("taskId", "seq", "phaseKey", "summary", "progressCurrent", "progressTotal", "progressUnit", "createdAt")
         VALUES ${chunk.map(() => "(?, ?, ?, 'seeded', ?, ?, 'rows', ?)").join(", ")}`,
        ...chunk.flat(),
      );
    }
    await db.query(`UPDATE "Task" SET "checkpointSeq" = ? WHERE "id" = ?`, total, id);
    const { body } = await api<Timeline>(`/api/v1/tasks/${key}/timeline`);
    const series = Object.fromEntries(body.progress.map((s) => [s.phase, s.points.map((p) => p.seq)]));
    expect(series.prepare).toEqual([1, 2, 3]);
    expect(series.switch).toEqual([2_500, 2_501, 2_502]);
    expect(series.backfill.length).toBeLessThanOrEqual(200);
    expect(series.backfill[0]).toBe(4);
    expect(series.backfill.at(-1)).toBe(total);
    expect(body.progress.map((s) => s.phase)).toEqual(["prepare", "backfill", "switch"]);
  });

  it("answers 404 for an unknown task", async () => {
    expect((await api(`/api/v1/tasks/${uniqueKey("none")}/timeline`)).status).toBe(404);
  });
});
