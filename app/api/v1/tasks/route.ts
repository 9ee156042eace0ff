import { route } from "@/lib/server/http/route";
import { taskListQuerySchema } from "@/lib/schemas/task";
import { listTasks } from "@/lib/server/tasks/list-tasks";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "agent",
  query: taskListQuerySchema,
  handle: async ({ query }) => ({ body: await listTasks(query) }),
});
