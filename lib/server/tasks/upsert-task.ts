import { transaction } from "@/lib/server/db/transaction";
import { appendEvent } from "@/lib/server/events/append-event";
import type { Actor } from "@/lib/server/auth/actor";
import type { TaskPut } from "@/lib/schemas/task";
import { upsertPhases } from "@/lib/server/phases/upsert-phases";
import { assertMayLowerGates, gatesLoweredByUpdate } from "@/lib/server/phases/gate-rules";
import { requirePlaybookPhases } from "@/lib/server/playbooks/find-playbook";
import { loadTaskDetail } from "@/lib/server/tasks/task-view";

/** `PUT /tasks/{key}`: create (201) or update (200). */
export async function upsertTask(key: string, input: TaskPut, actor: Actor) {
  return transaction(async (tx) => {
    const existing = await tx.task.findUnique({ where: { key }, include: { phases: { select: { key: true, requiresApproval: true, requiredApprovals: true, preventSelfReview: true } } } });
    const phases = [...(input.playbook ? await requirePlaybookPhases(tx, input.playbook) : []), ...(input.phases ?? [])];
    const lowered = existing ? gatesLoweredByUpdate(existing.phases, phases) : [];
    assertMayLowerGates(actor, lowered, input.playbook ? `this update (with playbook "${input.playbook}")` : "this update");
    const fields = {
      title: input.title,
      ...(input.description !== undefined && { description: input.description }),
      ...(input.notes !== undefined && { notes: input.notes }),
      ...(input.staleAfterSeconds !== undefined && { staleAfterSeconds: input.staleAfterSeconds }),
      ...(input.playbook !== undefined && { playbookKey: input.playbook }),
    };
    const task = existing
      ? await tx.task.update({ where: { id: existing.id }, data: { ...fields, lastActivityAt: new Date() } })
      : await tx.task.create({ data: { key, ...fields } });
    if (phases.length > 0) await upsertPhases(tx, task.id, phases);
    await appendEvent(tx, {
      type: "task.updated",
      task,
      actor: actor.name,
      payload: {
        created: !existing,
        fields: Object.keys(fields),
        phases: phases.map((p) => p.key),
        ...(lowered.length > 0 && { gatesLowered: lowered }),
      },
    });
    return { created: !existing, task: await loadTaskDetail(tx, task.id) };
  });
}
