// Loads one blocker of one task (404 otherwise) and words the conflict of resolving it twice.
import type { Tx } from "@/lib/server/db/transaction";
import { AppError, notFound } from "@/lib/server/errors";
import { requireTask } from "@/lib/server/tasks/find-task";
import { toBlockerView } from "@/lib/server/blockers/blocker-view";

export async function requireBlocker(tx: Tx, taskKey: string, blockerId: number) {
  const task = await requireTask(tx, taskKey);
  const blocker = await tx.blocker.findFirst({ where: { id: blockerId, taskId: task.id } });
  if (!blocker) throw notFound(`Blocker ${blockerId} of task "${taskKey}"`);
  return { task, blocker };
}

export function alreadyResolved(blocker: Parameters<typeof toBlockerView>[0]): AppError {
  const how = blocker.answer !== null ? `answered by ${blocker.answeredBy ?? "a person"}` : "resolved";
  return new AppError("conflict", `Blocker ${blocker.id} was already ${how} at ${blocker.resolvedAt?.toISOString()}: ${blocker.resolution ?? ""}`.trim(), {
    extensions: { blocker: toBlockerView(blocker) },
  });
}
