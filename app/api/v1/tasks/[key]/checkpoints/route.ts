import { route } from "@/lib/server/http/route";
import { actorName } from "@/lib/server/auth/authenticate";
import { taskKeyParams } from "@/lib/schemas/task";
import { checkpointInputSchema, checkpointListQuerySchema } from "@/lib/schemas/checkpoint";
import { listCheckpoints } from "@/lib/server/checkpoints/list-checkpoints";
import { recordCheckpoint } from "@/lib/server/checkpoints/record-checkpoint";
import { checkpointFromNote } from "@/lib/server/checkpoints/checkpoint-from-note";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "agent",
  params: taskKeyParams,
  query: checkpointListQuerySchema,
  handle: async ({ params, query }) => ({ body: await listCheckpoints(params.key, query) }),
});

export const POST = route({
  auth: "agent",
  params: taskKeyParams,
  body: checkpointInputSchema,
  parseBody: checkpointFromNote,
  handle: async ({ params, body, principal }) => ({
    status: 201,
    body: await recordCheckpoint(params.key, body, actorName(principal!)),
  }),
});
