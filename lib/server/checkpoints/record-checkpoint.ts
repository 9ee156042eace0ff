// `POST /tasks/{key}/checkpoints`: one immutable checkpoint, its phase update and its event, in one transaction.
import { transaction, type Tx } from "@/lib/server/db/transaction";
import { appendEvent } from "@/lib/server/events/append-event";
import type { CheckpointInput } from "@/lib/schemas/checkpoint";
import { ensureTask } from "@/lib/server/tasks/find-task";
import { ensurePhase } from "@/lib/server/phases/upsert-phases";
import { approvalGranted, changePhase, type PhaseChangeOutcome } from "@/lib/server/phases/change-phase";
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
    // The phase moves after the checkpoint exists, so the verification results it carries count for the done gate.
    const phaseChange = input.phase ? await movePhase(tx, task.id, input.phase, input, now) : null;
    const checkpoint = toCheckpointView(row, task.key);
    await appendEvent(tx, {
      type: "checkpoint.created",
      task,
      actor: input.agent ?? actor,
      payload: { checkpoint, ...(phaseChange && phaseChange.from !== phaseChange.to && { phaseChange: { phase: input.phase, from: phaseChange.from, to: phaseChange.to } }) },
    });
    return checkpoint;
  });
}

/** An explicit `phaseStatus` passes the gates or fails the request; a first checkpoint on a pending phase starts it when no gate holds it. */
async function movePhase(tx: Tx, taskId: number, phaseKey: string, input: CheckpointInput, now: Date): Promise<PhaseChangeOutcome> {
  const phase = await ensurePhase(tx, taskId, phaseKey);
  const implicitStart = phase.status === "pending" && (!phase.requiresApproval || (await approvalGranted(tx, phase.id)));
  const status = input.phaseStatus ?? (implicitStart ? "active" : undefined);
  return changePhase(tx, phase, { status, progress: input.progress, agent: input.agent, resumeFrom: input.resumeFrom }, now);
}
