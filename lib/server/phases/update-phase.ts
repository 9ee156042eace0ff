// `PATCH /tasks/{key}/phases/{phase}`: a gated status move plus progress, lane and review rules, with one phase.updated event.
import { transaction } from "@/lib/server/db/transaction";
import { appendEvent } from "@/lib/server/events/append-event";
import { notFound } from "@/lib/server/errors";
import type { Actor } from "@/lib/server/auth/actor";
import type { PhasePatch } from "@/lib/schemas/phase";
import { requireTask, touchTask } from "@/lib/server/tasks/find-task";
import { toPhaseView } from "@/lib/server/phases/phase-view";
import { changePhase } from "@/lib/server/phases/change-phase";
import { assertMayLowerGates, gatesLoweredByUpdate } from "@/lib/server/phases/gate-rules";

export async function updatePhase(taskKey: string, phaseKey: string, patch: PhasePatch, actor: Actor) {
  return transaction(async (tx) => {
    const now = new Date();
    const task = await requireTask(tx, taskKey);
    const found = await tx.phase.findUnique({ where: { taskId_key: { taskId: task.id, key: phaseKey } } });
    if (!found) throw notFound(`Phase "${phaseKey}" of task "${taskKey}"`);
    const review = {
      ...(patch.requiredApprovals !== undefined && { requiredApprovals: patch.requiredApprovals }),
      ...(patch.preventSelfReview !== undefined && { preventSelfReview: patch.preventSelfReview }),
    };
    const lowered = gatesLoweredByUpdate([found], [{ key: found.key, ...review }]);
    assertMayLowerGates(actor, lowered, "this update");
    const phase = Object.keys(review).length > 0 ? await tx.phase.update({ where: { id: found.id }, data: review }) : found;
    const outcome = await changePhase(tx, phase, patch, now);
    await touchTask(tx, task.id, now);
    const view = toPhaseView(outcome.phase);
    await appendEvent(tx, {
      type: "phase.updated",
      task,
      actor: actor.name,
      payload: {
        ...(patch.agent !== undefined && { agent: patch.agent }),
        phase: view,
        from: outcome.from,
        to: outcome.to,
        ...(outcome.verificationOverride && { verificationOverride: { forced: true, ...outcome.verificationOverride } }),
        ...(lowered.length > 0 && { gatesLowered: lowered }),
      },
    });
    return view;
  });
}
