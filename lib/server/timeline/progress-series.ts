// Burn-up series, one per phase, each sampled on its own: a phase with a handful of progress points in a
// 100,000-checkpoint task keeps every one of them (a task-wide sample would skip most and lose the line),
// while a long phase costs a flat budget of rows. Every query walks the (taskId, phaseKey, seq) index.
import type { Tx } from "@/lib/server/db/transaction";
import { downsample } from "@/lib/timeline/downsample";
import { sampleSeqs } from "@/lib/timeline/sample-seqs";

/** Rows read per phase at most (twice: the probe, then the sample). */
const PHASE_BUDGET = 400;

export type ProgressPoint = { seq: number; at: string; current: number; total: number | null };
export type ProgressSeries = { phase: string | null; unit: string | null; points: ProgressPoint[] };

const progressFields = { seq: true, progressCurrent: true, progressTotal: true, progressUnit: true, createdAt: true } as const;

export async function loadProgressSeries(tx: Tx, taskId: number, maxPoints: number): Promise<ProgressSeries[]> {
  const phases = await tx.phase.findMany({ where: { taskId }, orderBy: { position: "asc" }, select: { key: true } });
  const series: (ProgressSeries & { firstSeq: number })[] = [];
  for (const phaseKey of [...phases.map((phase) => phase.key), null]) {
    const where = { taskId, phaseKey };
    let rows = await tx.checkpoint.findMany({ where, orderBy: { seq: "asc" }, take: PHASE_BUDGET + 1, select: progressFields });
    if (rows.length > PHASE_BUDGET) {
      const last = await tx.checkpoint.findFirst({ where, orderBy: { seq: "desc" }, select: { seq: true } });
      const first = rows[0].seq;
      const seqs = sampleSeqs(last!.seq - first + 1, PHASE_BUDGET).map((offset) => offset + first - 1);
      rows = await tx.checkpoint.findMany({ where: { ...where, seq: { in: seqs } }, orderBy: { seq: "asc" }, select: progressFields });
    }
    const points = rows.flatMap((row) =>
      row.progressCurrent === null ? [] : [{ seq: row.seq, at: row.createdAt.toISOString(), current: row.progressCurrent, total: row.progressTotal }],
    );
    if (points.length === 0) continue;
    const unit = rows.findLast((row) => row.progressCurrent !== null && row.progressUnit !== null)?.progressUnit ?? null;
    series.push({ phase: phaseKey, unit, points: downsample(points, maxPoints), firstSeq: points[0].seq });
  }
  return series.sort((a, b) => a.firstSeq - b.firstSeq).map(({ firstSeq: _firstSeq, ...rest }) => rest);
}
