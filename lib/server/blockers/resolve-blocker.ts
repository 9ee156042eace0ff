// `PATCH /tasks/{key}/blockers/{id}`: resolves an open blocker once; resolving it again is a conflict.
// A question is resolved only by a person's answer, so an agent cannot answer its own question.
import { transaction } from "@/lib/server/db/transaction";
import { appendEvent } from "@/lib/server/events/append-event";
import { AppError } from "@/lib/server/errors";
import type { BlockerResolve } from "@/lib/schemas/blocker";
import { touchTask } from "@/lib/server/tasks/find-task";
import { toBlockerView } from "@/lib/server/blockers/blocker-view";
import { alreadyResolved, requireBlocker } from "@/lib/server/blockers/find-blocker";

export async function resolveBlocker(taskKey: string, blockerId: number, input: BlockerResolve, actor: string) {
  return transaction(async (tx) => {
    const now = new Date();
    const { task, blocker: existing } = await requireBlocker(tx, taskKey, blockerId);
    if (existing.status === "resolved") throw alreadyResolved(existing);
    if (existing.question !== null) {
      throw new AppError(
        "forbidden",
        `Blocker ${blockerId} asks a person a question; only their answer resolves it. Wait for it with GET /api/v1/tasks/${taskKey}/blockers/${blockerId}?wait=60.`,
      );
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
