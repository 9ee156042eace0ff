// `POST /tasks/{key}/checkpoints`: one immutable checkpoint, its phase update and its event, in one transaction.
import { transaction } from "@/lib/server/db/transaction";
import { appendEvent } from "@/lib/server/events/append-event";
import type { CheckpointInput } from "@/lib/schemas/checkpoint";
import { ensureTask } from "@/lib/server/tasks/find-task";
import { ensurePhase } from "@/lib/server/phases/upsert-phases";
import { applyPhaseChange } from "@/lib/server/phases/apply-phase-status";
import { toCheckpointView } from "@/lib/server/checkpoints/checkpoint-view";

export async function recordCheckpoint(taskKey: string, input: CheckpointInput, actor: string) {
  return transaction(async (tx) => {
    const now = new Date();
    const { task } = await ensureTask(tx, taskKey);
    // The increment is atomic inside the write transaction: concurrent writers get distinct, gap-free seqs.
    const { checkpointSeq: seq } = await tx.task.update({
      where: { id: task.id },
      data: { checkpointSeq: { increment: 1 }, lastActivityAt: now, ...(task.startedAt ? {} : { startedAt: now }) },
      select: { checkpointSeq: true },
    });
    if (input.phase) {
      const phase = await ensurePhase(tx, task.id, input.phase);
      const moves = input.phaseStatus ?? (phase.status === "pending" ? "active" : undefined);
      await applyPhaseChange(tx, phase, { status: moves, progress: input.progress, agent: input.agent, resumeFrom: input.resumeFrom }, now);
    }
    const row = await tx.checkpoint.create({
      data: {
        taskId: task.id,
        seq,
        phaseKey: input.phase ?? null,
        summary: input.summary,
        body: input.body ?? null,
        done: input.done,
        next: input.next,
        dependencies: input.dependencies,
        decisions: input.decisions,
        progressCurrent: input.progress?.current ?? null,
        progressTotal: input.progress?.total ?? null,
        progressUnit: input.progress?.unit ?? null,
        resumeFrom: input.resumeFrom ?? null,
        agent: input.agent ?? null,
        verification: input.verification,
        metrics: input.metrics,
        createdAt: now,
      },
    });
    const checkpoint = toCheckpointView(row, task.key);
    await appendEvent(tx, { type: "checkpoint.created", task, actor: input.agent ?? actor, payload: { checkpoint } });
    return checkpoint;
  });
}
