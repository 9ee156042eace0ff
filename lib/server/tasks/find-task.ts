import type { Tx } from "@/lib/server/db/transaction";
import { notFound } from "@/lib/server/errors";

export async function requireTask(tx: Tx, key: string) {
  const task = await tx.task.findUnique({ where: { key } });
  if (!task) throw notFound(`Task "${key}"`);
  return task;
}

/** Marks activity now (keeps the task from going stale, sorts it first). */
export async function touchTask(tx: Tx, taskId: number, now: Date = new Date()) {
  const task = await tx.task.update({ where: { id: taskId }, data: { lastActivityAt: now } });
  if (!task.startedAt) return tx.task.update({ where: { id: taskId }, data: { startedAt: now } });
  return task;
}
