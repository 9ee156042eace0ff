import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/events";
import { listTaskEvents } from "@/lib/server/events/list-task-events";

export const dynamic = "force-dynamic";

export const GET = route(contracts.listTaskEvents, async ({ params, query }) => ({ body: await listTaskEvents(params.key, query) }));
