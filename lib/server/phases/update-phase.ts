// `PATCH /tasks/{key}/phases/{phase}`: a gated status move plus progress and lane, with one phase.updated event.
import { transaction } from "@/lib/server/db/transaction";
import { appendEvent } from "@/lib/server/events/append-event";
import { notFound } from "@/lib/server/errors";
import type { PhasePatch } from "@/lib/schemas/phase";
import { requireTask, touchTask } from "@/lib/server/tasks/find-task";
import { toPhaseView } from "@/lib/server/phases/phase-view";
import { changePhase } from "@/lib/server/phases/change-phase";

export async function updatePhase(taskKey: string, phaseKey: string, patch: PhasePatch, actor: string) {
  return transaction(async (tx) => {
    const now = new Date();
    const task = await requireTask(tx, taskKey);
    const phase = await tx.phase.findUnique({ where: { taskId_key: { taskId: task.id, key: phaseKey } } });
    if (!phase) throw notFound(`Phase "${phaseKey}" of task "${taskKey}"`);
    const outcome = await changePhase(tx, phase, patch, now);
    await touchTask(tx, task.id, now);
    const view = toPhaseView(outcome.phase);
    await appendEvent(tx, {
      type: "phase.updated",
      task,
      actor,
      payload: {
        ...(patch.agent !== undefined && { agent: patch.agent }),
        phase: view,
        from: outcome.from,
        to: outcome.to,
        ...(outcome.verificationOverride && { verificationOverride: { forced: true, ...outcome.verificationOverride } }),
      },
    });
    return view;
  });
}
