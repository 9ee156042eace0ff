import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/tasks";
import { loadTaskTimeline } from "@/lib/server/timeline/load-task-timeline";

export const dynamic = "force-dynamic";

export const GET = route(contracts.getTaskTimeline, async ({ params }) => ({ body: await loadTaskTimeline(params.key) }));
