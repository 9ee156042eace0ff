// `GET /tasks/{key}/timeline`: the chart series of a task (progress per phase, metrics) and the latest
// verification result of every step, read from all its checkpoints in one pass.
import { reader } from "@/lib/server/db/transaction";
import { requireTask } from "@/lib/server/tasks/find-task";
import { downsample } from "@/lib/timeline/downsample";
import type { VerificationResult } from "@/lib/schemas/checkpoint";

const MAX_POINTS = 400;

type ProgressPoint = { seq: number; at: string; current: number; total: number | null };
type MetricsPoint = { seq: number; at: string; values: Record<string, number> };
type LatestResult = VerificationResult & { seq: number; at: string };

export async function loadTaskTimeline(taskKey: string) {
  const tx = await reader();
  const task = await requireTask(tx, taskKey);
  const rows = await tx.checkpoint.findMany({
    where: { taskId: task.id },
    orderBy: { seq: "asc" },
    select: { seq: true, phaseKey: true, progressCurrent: true, progressTotal: true, progressUnit: true, verification: true, metrics: true, createdAt: true },
  });
  const progress = new Map<string, { phase: string | null; unit: string | null; points: ProgressPoint[] }>();
  const metrics: MetricsPoint[] = [];
  const metricNames = new Set<string>();
  const verification: Record<string, Record<string, LatestResult>> = {};
  for (const row of rows) {
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
    checkpoints: rows.length,
  };
}
export type TaskTimeline = Awaited<ReturnType<typeof loadTaskTimeline>>;
