import { route } from "@/lib/server/http/route";
import { taskKeyParams } from "@/lib/schemas/task";
import { loadTaskTimeline } from "@/lib/server/timeline/load-task-timeline";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "agent",
  params: taskKeyParams,
  handle: async ({ params }) => ({ body: await loadTaskTimeline(params.key) }),
});
