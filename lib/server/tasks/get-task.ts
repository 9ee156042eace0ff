import { reader } from "@/lib/server/db/transaction";
import { requireTask } from "@/lib/server/tasks/find-task";
import { loadTaskDetail } from "@/lib/server/tasks/task-view";

export async function getTask(key: string) {
  const tx = await reader();
  const task = await requireTask(tx, key);
  return loadTaskDetail(tx, task.id);
}
