// `POST /tasks/{key}/blockers`: an open blocker makes the task `blocked` until it is resolved.
// A decision blocker may ask a person a question (the schema checks its options); it then waits in the inbox.
import { transaction } from "@/lib/server/db/transaction";
import { appendEvent } from "@/lib/server/events/append-event";
import { notFound } from "@/lib/server/errors";
import type { BlockerInput } from "@/lib/schemas/blocker";
import { requireTask, touchTask } from "@/lib/server/tasks/find-task";
import { toBlockerView } from "@/lib/server/blockers/blocker-view";

export async function openBlocker(taskKey: string, input: BlockerInput, actor: string) {
  return transaction(async (tx) => {
    const now = new Date();
    const task = await requireTask(tx, taskKey);
    if (input.phase) {
      const phase = await tx.phase.findUnique({ where: { taskId_key: { taskId: task.id, key: input.phase } }, select: { id: true } });
      if (!phase) throw notFound(`Phase "${input.phase}" of task "${taskKey}"`);
    }
    const row = await tx.blocker.create({
      data: {
        taskId: task.id,
        title: input.title,
        detail: input.detail ?? null,
        kind: input.kind,
        owner: input.owner ?? null,
        phaseKey: input.phase ?? null,
        question: input.question ?? null,
        options: input.options ?? [],
        recommended: input.recommended ?? null,
        createdAt: now,
      },
    });
    await touchTask(tx, task.id, now);
    const blocker = toBlockerView(row);
    await appendEvent(tx, { type: "blocker.opened", task, actor, payload: { blocker } });
    return blocker;
  });
}
