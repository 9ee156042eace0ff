import { reader } from "@/lib/server/db/transaction";
import { requireTask } from "@/lib/server/tasks/find-task";
import { toCheckpointView, type CheckpointView } from "@/lib/server/checkpoints/checkpoint-view";

/** Newest first; `nextBefore` pages further back. */
export async function listCheckpoints(taskKey: string, page: { before?: number; limit: number }) {
  const tx = await reader();
  const task = await requireTask(tx, taskKey);
  const rows = await tx.checkpoint.findMany({
    where: { taskId: task.id, ...(page.before !== undefined && { seq: { lt: page.before } }) },
    orderBy: { seq: "desc" },
    take: page.limit + 1,
  });
  const items: CheckpointView[] = rows.slice(0, page.limit).map((row) => toCheckpointView(row, task.key));
  const nextBefore = rows.length > page.limit ? items[items.length - 1].seq : null;
  return { items, nextBefore, total: task.checkpointSeq };
}
