// `GET /tasks/{key}/timeline`: the chart series of a task (progress per phase, metrics) and the latest
// verification result of every step. Metric rows are an evenly spaced sample of seqs (plus the newest
// ones) and progress is sampled per phase, so the cost stays flat at 100,000 checkpoints.
import { reader } from "@/lib/server/db/transaction";
import { requireTask } from "@/lib/server/tasks/find-task";
import { downsample } from "@/lib/timeline/downsample";
import { sampleSeqs } from "@/lib/timeline/sample-seqs";
import { loadProgressSeries } from "@/lib/server/timeline/progress-series";
import type { VerificationResult } from "@/lib/schemas/checkpoint";

const MAX_POINTS = 200;
const VERIFICATION_ROWS = 5_000;

type MetricsPoint = { seq: number; at: string; values: Record<string, number> };
type LatestResult = VerificationResult & { seq: number; at: string };

export async function loadTaskTimeline(taskKey: string) {
  const tx = await reader();
  const task = await requireTask(tx, taskKey);
  const sampled = sampleSeqs(task.checkpointSeq);
  const [progress, chartRows, verificationRows] = await Promise.all([
    loadProgressSeries(tx, task.id, MAX_POINTS),
    tx.checkpoint.findMany({
      where: { taskId: task.id, ...(sampled.length < task.checkpointSeq && { seq: { in: sampled } }) },
      orderBy: { seq: "asc" },
      select: { seq: true, metrics: true, createdAt: true },
    }),
    tx.checkpoint.findMany({
      where: { taskId: task.id, verification: { not: [] } },
      orderBy: { seq: "desc" },
      take: VERIFICATION_ROWS,
      select: { seq: true, phaseKey: true, verification: true, createdAt: true },
    }),
  ]);
  const metrics: MetricsPoint[] = [];
  const metricNames = new Set<string>();
  const verification: Record<string, Record<string, LatestResult>> = {};
  for (const row of chartRows) {
    const at = row.createdAt.toISOString();
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
    progress,
    metrics: { names: [...metricNames].sort(), points: downsample(metrics, MAX_POINTS) },
    verification,
    checkpoints: task.checkpointSeq,
  };
}
export type TaskTimeline = Awaited<ReturnType<typeof loadTaskTimeline>>;
