// `GET /tasks/{key}/handoffs`: every split-brain handoff of a task, oldest first.
import { reader } from "@/lib/server/db/transaction";
import { requireTask } from "@/lib/server/tasks/find-task";
import { toHandoffView } from "@/lib/server/handoffs/handoff-view";

export async function listHandoffs(taskKey: string) {
  const tx = await reader();
  const task = await requireTask(tx, taskKey);
  const rows = await tx.handoff.findMany({ where: { taskId: task.id }, orderBy: { id: "asc" }, take: 500 });
  return { items: rows.map((row) => toHandoffView(row, task.key)) };
}
