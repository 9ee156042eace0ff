// `GET /tasks/{key}/events`: a task's event log, oldest first, paged by seq.
import { reader } from "@/lib/server/db/transaction";
import { toPublishedEvent } from "@/lib/server/events/published-event";
import { eventSchema } from "@/lib/schemas/event";
import { requireTask } from "@/lib/server/tasks/find-task";
import type { TaskEventsQuery } from "@/lib/schemas/event";

export async function listTaskEvents(taskKey: string, query: TaskEventsQuery) {
  const tx = await reader();
  const task = await requireTask(tx, taskKey);
  const rows = await tx.event.findMany({
    where: { taskId: task.id, seq: { gt: query.after } },
    orderBy: { seq: "asc" },
    take: query.limit + 1,
  });
  // Parsed, not asserted: the page promises each event's payload shape to the client.
  const page = rows.slice(0, query.limit).map((row) => eventSchema.parse(toPublishedEvent(row)));
  return { items: page, nextAfter: rows.length > query.limit ? page[page.length - 1].seq : null };
}
