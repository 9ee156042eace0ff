import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/tasks";
import { actorOf } from "@/lib/server/auth/actor";
import { getTask } from "@/lib/server/tasks/get-task";
import { upsertTask } from "@/lib/server/tasks/upsert-task";

export const dynamic = "force-dynamic";

export const GET = route(contracts.getTask, async ({ params }) => ({ body: await getTask(params.key) }));

export const PUT = route(contracts.putTask, async ({ params, body, principal }) => {
  const { created, task } = await upsertTask(params.key, body, actorOf(principal));
  return { status: created ? 201 : 200, body: task };
});
