// `POST /tasks/{key}/handoffs`: one specialist agent hands the task to the next.
import { transaction } from "@/lib/server/db/transaction";
import { appendEvent } from "@/lib/server/events/append-event";
import type { HandoffInput } from "@/lib/schemas/handoff";
import { requireTask, touchTask } from "@/lib/server/tasks/find-task";
import { toHandoffView } from "@/lib/server/handoffs/handoff-view";

export async function createHandoff(taskKey: string, input: HandoffInput, actor: string) {
  return transaction(async (tx) => {
    const now = new Date();
    const task = await requireTask(tx, taskKey);
    const row = await tx.handoff.create({
      data: {
        taskId: task.id,
        fromAgent: input.from,
        toAgent: input.to,
        complete: input.complete,
        needed: input.needed,
        nextSteps: input.nextSteps,
        body: input.body ?? null,
        createdAt: now,
      },
    });
    await touchTask(tx, task.id, now);
    const handoff = toHandoffView(row, task.key);
    await appendEvent(tx, { type: "handoff.created", task, actor, payload: { agent: input.from, handoff } });
    return handoff;
  });
}
