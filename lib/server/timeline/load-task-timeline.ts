// `GET /tasks/{key}/timeline`: the chart series of a task (progress per phase, metrics) and the latest
// verification result of every step. Chart rows are an evenly spaced sample of seqs (plus the newest
// ones), so the cost stays flat at 100,000 checkpoints.
import { reader } from "@/lib/server/db/transaction";
import { requireTask } from "@/lib/server/tasks/find-task";
import { downsample } from "@/lib/timeline/downsample";
import { sampleSeqs } from "@/lib/timeline/sample-seqs";
import type { VerificationResult } from "@/lib/schemas/checkpoint";

const MAX_POINTS = 200;
const VERIFICATION_ROWS = 5_000;

type ProgressPoint = { seq: number; at: string; current: number; total: number | null };
type MetricsPoint = { seq: number; at: string; values: Record<string, number> };
type LatestResult = VerificationResult & { seq: number; at: string };

export async function loadTaskTimeline(taskKey: string) {
  const tx = await reader();
  const task = await requireTask(tx, taskKey);
  const sampled = sampleSeqs(task.checkpointSeq);
  const [chartRows, verificationRows] = await Promise.all([
    tx.checkpoint.findMany({
      where: { taskId: task.id, ...(sampled.length < task.checkpointSeq && { seq: { in: sampled } }) },
      orderBy: { seq: "asc" },
      select: { seq: true, phaseKey: true, progressCurrent: true, progressTotal: true, progressUnit: true, metrics: true, createdAt: true },
    }),
    tx.checkpoint.findMany({
      where: { taskId: task.id, verification: { not: [] } },
      orderBy: { seq: "desc" },
      take: VERIFICATION_ROWS,
      select: { seq: true, phaseKey: true, verification: true, createdAt: true },
    }),
  ]);
  const progress = new Map<string, { phase: string | null; unit: string | null; points: ProgressPoint[] }>();
  const metrics: MetricsPoint[] = [];
  const metricNames = new Set<string>();
  const verification: Record<string, Record<string, LatestResult>> = {};
  for (const row of chartRows) {
    const at = row.createdAt.toISOString();
    if (row.progressCurrent !== null) {
      const id = row.phaseKey ?? "";
      const series = progress.get(id) ?? { phase: row.phaseKey, unit: null, points: [] };
      series.unit = row.progressUnit ?? series.unit;
      series.points.push({ seq: row.seq, at, current: row.progressCurrent, total: row.progressTotal });
      progress.set(id, series);
    }
    const values = row.metrics as Record<string, number>;
    if (Object.keys(values).length > 0) {
      Object.keys(values).forEach((name) => metricNames.add(name));
      metrics.push({ seq: row.seq, at, values });
    }
  }
  for (const row of verificationRows.reverse()) {
    const at = row.createdAt.toISOString();
    const results = row.verification as VerificationResult[];
    if (results.length > 0) {
      const steps = (verification[row.phaseKey ?? ""] ??= {});
      for (const result of results) steps[result.name] = { ...result, seq: row.seq, at };
    }
  }
  return {
    progress: [...progress.values()].map((series) => ({ ...series, points: downsample(series.points, MAX_POINTS) })),
    metrics: { names: [...metricNames].sort(), points: downsample(metrics, MAX_POINTS) },
    verification,
    checkpoints: task.checkpointSeq,
  };
}
export type TaskTimeline = Awaited<ReturnType<typeof loadTaskTimeline>>;
