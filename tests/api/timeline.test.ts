import { describe, expect, it } from "vitest";
import { api, uniqueKey } from "./context";

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

  it("answers 404 for an unknown task", async () => {
    expect((await api(`/api/v1/tasks/${uniqueKey("none")}/timeline`)).status).toBe(404);
  });
});
