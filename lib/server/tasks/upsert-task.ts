import { transaction } from "@/lib/server/db/transaction";
import { appendEvent } from "@/lib/server/events/append-event";
import type { TaskPut } from "@/lib/schemas/task";
import { upsertPhases } from "@/lib/server/phases/upsert-phases";
import { requirePlaybookPhases } from "@/lib/server/playbooks/find-playbook";
import { loadTaskDetail } from "@/lib/server/tasks/task-view";

/** `PUT /tasks/{key}`: create (201) or update (200). */
export async function upsertTask(key: string, input: TaskPut, actor: string) {
  return transaction(async (tx) => {
    const existing = await tx.task.findUnique({ where: { key } });
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
    const phases = [...(input.playbook ? await requirePlaybookPhases(tx, input.playbook) : []), ...(input.phases ?? [])];
    if (phases.length > 0) await upsertPhases(tx, task.id, phases);
    await appendEvent(tx, {
      type: "task.updated",
      task,
      actor,
      payload: { created: !existing, fields: Object.keys(fields), phases: phases.map((p) => p.key) },
    });
    return { created: !existing, task: await loadTaskDetail(tx, task.id) };
  });
}
