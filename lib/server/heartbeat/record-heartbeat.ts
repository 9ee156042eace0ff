// `POST /tasks/{key}/heartbeat`: marks the task alive. Deliberately no Event row: heartbeats are
// frequent and carry no news, so they must stay one cheap UPDATE.
import { transaction } from "@/lib/server/db/transaction";
import { notFound } from "@/lib/server/errors";

export async function recordHeartbeat(taskKey: string): Promise<void> {
  await transaction(async (tx) => {
    const { count } = await tx.task.updateMany({ where: { key: taskKey }, data: { lastActivityAt: new Date() } });
    if (count === 0) throw notFound(`Task "${taskKey}"`);
  });
}
