import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/tasks";
import { listTasks } from "@/lib/server/tasks/list-tasks";

export const dynamic = "force-dynamic";

export const GET = route(contracts.listTasks, async ({ query }) => ({ body: await listTasks(query) }));
