import { route } from "@/lib/server/http/route";
import { actorOf } from "@/lib/server/auth/actor";
import { taskKeyParams, taskPutSchema } from "@/lib/schemas/task";
import { getTask } from "@/lib/server/tasks/get-task";
import { upsertTask } from "@/lib/server/tasks/upsert-task";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "agent",
  params: taskKeyParams,
  handle: async ({ params }) => ({ body: await getTask(params.key) }),
});

export const PUT = route({
  auth: "agent",
  params: taskKeyParams,
  body: taskPutSchema,
  handle: async ({ params, body, principal }) => {
    const { created, task } = await upsertTask(params.key, body, actorOf(principal!));
    return { status: created ? 201 : 200, body: task };
  },
});
