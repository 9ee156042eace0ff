// Reads what a chat message needs beyond the event row: the task as it is now (title, phases, to tell a
// finished task) and, for an approval request, its plan's summary line.
import { reader } from "@/lib/server/db/transaction";
import { publicUrl } from "@/lib/server/config";
import { planSummary } from "@/lib/plan/plan-summary";
import type { BatonEvent } from "@/lib/schemas/event";
import type { EventContext } from "@/lib/server/webhooks/formats/notification";

export async function loadEventContext(event: BatonEvent): Promise<EventContext> {
  const db = await reader();
  const task = event.taskKey
    ? await db.task.findUnique({
        where: { key: event.taskKey },
        select: { key: true, title: true, phases: { select: { key: true, name: true, status: true }, orderBy: { position: "asc" } } },
      })
    : null;
  let summary: string | null = null;
  if (event.type === "approval.requested") {
    const artifact = await db.approval.findUnique({ where: { id: event.payload.approval.id }, select: { artifactContentType: true, artifactContent: true } });
    summary = artifact && planSummary({ contentType: artifact.artifactContentType, content: artifact.artifactContent });
  }
  return { baseUrl: publicUrl(), task, planSummary: summary };
}
