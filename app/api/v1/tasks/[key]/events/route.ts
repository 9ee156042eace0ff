import { route } from "@/lib/server/http/route";
import { taskKeyParams } from "@/lib/schemas/task";
import { taskEventsQuerySchema } from "@/lib/schemas/event";
import { listTaskEvents } from "@/lib/server/events/list-task-events";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "agent",
  params: taskKeyParams,
  query: taskEventsQuerySchema,
  handle: async ({ params, query }) => ({ body: await listTaskEvents(params.key, query) }),
});
