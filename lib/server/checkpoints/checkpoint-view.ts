import type { Prisma } from "@/generated/prisma/client";
import type { VerificationResult } from "@/lib/schemas/checkpoint";

type CheckpointRow = Prisma.CheckpointGetPayload<object>;

/** A stored row, or one the set-based writer is about to insert (no id yet). */
type CheckpointSource = Omit<CheckpointRow, "id" | "done" | "next" | "dependencies" | "decisions" | "verification" | "metrics"> &
  Record<"done" | "next" | "dependencies" | "decisions" | "verification" | "metrics", unknown>;

export function toCheckpointView(checkpoint: CheckpointSource, taskKey: string) {
  return {
    task: taskKey,
    seq: checkpoint.seq,
    phase: checkpoint.phaseKey,
    summary: checkpoint.summary,
    body: checkpoint.body,
    done: checkpoint.done as string[],
    next: checkpoint.next as string[],
    dependencies: checkpoint.dependencies as string[],
    decisions: checkpoint.decisions as string[],
    progress:
      checkpoint.progressCurrent === null
        ? null
        : { current: checkpoint.progressCurrent, total: checkpoint.progressTotal, unit: checkpoint.progressUnit },
    resumeFrom: checkpoint.resumeFrom,
    agent: checkpoint.agent,
    verification: checkpoint.verification as VerificationResult[],
    metrics: checkpoint.metrics as Record<string, number>,
    createdAt: checkpoint.createdAt.toISOString(),
  };
}
export type CheckpointView = ReturnType<typeof toCheckpointView>;
