// `GET /tasks/{key}/blockers`: open blockers first, then resolved ones, newest first within each.
import { reader } from "@/lib/server/db/transaction";
import { requireTask } from "@/lib/server/tasks/find-task";
import { toBlockerView } from "@/lib/server/blockers/blocker-view";

export async function listBlockers(taskKey: string) {
  const tx = await reader();
  const task = await requireTask(tx, taskKey);
  const rows = await tx.blocker.findMany({ where: { taskId: task.id }, orderBy: [{ status: "asc" }, { id: "desc" }], take: 500 });
  return { items: rows.map(toBlockerView) };
}
