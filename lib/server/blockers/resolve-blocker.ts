// `PATCH /tasks/{key}/blockers/{id}`: resolves an open blocker once; resolving it again is a conflict.
import { transaction } from "@/lib/server/db/transaction";
import { appendEvent } from "@/lib/server/events/append-event";
import { AppError, notFound } from "@/lib/server/errors";
import type { BlockerResolve } from "@/lib/schemas/blocker";
import { requireTask, touchTask } from "@/lib/server/tasks/find-task";
import { toBlockerView } from "@/lib/server/tasks/task-view";

export async function resolveBlocker(taskKey: string, blockerId: number, input: BlockerResolve, actor: string) {
  return transaction(async (tx) => {
    const now = new Date();
    const task = await requireTask(tx, taskKey);
    const existing = await tx.blocker.findFirst({ where: { id: blockerId, taskId: task.id } });
    if (!existing) throw notFound(`Blocker ${blockerId} of task "${taskKey}"`);
    if (existing.status === "resolved") {
      throw new AppError("conflict", `Blocker ${blockerId} was already resolved at ${existing.resolvedAt?.toISOString()}: ${existing.resolution ?? ""}`.trim(), {
        extensions: { blocker: toBlockerView(existing) },
      });
    }
    const row = await tx.blocker.update({
      where: { id: existing.id },
      data: { status: "resolved", resolution: input.resolution, resolvedAt: now },
    });
    await touchTask(tx, task.id, now);
    const blocker = toBlockerView(row);
    await appendEvent(tx, { type: "blocker.resolved", task, actor, payload: { blocker } });
    return blocker;
  });
}
