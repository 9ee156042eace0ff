// `POST /tasks/{key}/checkpoints`: one immutable checkpoint, its phase update and its event, in one transaction.
import { transaction, type Tx } from "@/lib/server/db/transaction";
import { appendEvent } from "@/lib/server/events/append-event";
import type { CheckpointInput } from "@/lib/schemas/checkpoint";
import { ensurePhase } from "@/lib/server/phases/upsert-phases";
import { changePhase, type PhaseChangeOutcome } from "@/lib/server/phases/change-phase";
import { approvalGranted } from "@/lib/server/phases/approval-gate";
import { toCheckpointView } from "@/lib/server/checkpoints/checkpoint-view";

export async function recordCheckpoint(taskKey: string, input: CheckpointInput, actor: string) {
  return transaction(async (tx) => {
    const now = new Date();
    // One statement finds or creates the task and claims the next seq; the increment is atomic inside the
    // write transaction, so concurrent writers get distinct, gap-free seqs.
    let task = await tx.task.upsert({
      where: { key: taskKey },
      create: { key: taskKey, title: taskKey, checkpointSeq: 1, startedAt: now, lastActivityAt: now },
      update: { checkpointSeq: { increment: 1 }, lastActivityAt: now },
    });
    if (!task.startedAt) task = await tx.task.update({ where: { id: task.id }, data: { startedAt: now } });
    const seq = task.checkpointSeq;
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
      actor,
      payload: { ...(input.agent !== undefined && { agent: input.agent }), checkpoint, ...(phaseChange && phaseChange.from !== phaseChange.to && { phaseChange: { phase: input.phase, from: phaseChange.from, to: phaseChange.to } }) },
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
