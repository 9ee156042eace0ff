import { route } from "@/lib/server/http/route";
import { taskKeyParams } from "@/lib/schemas/task";
import { parseHeartbeatBody, recordHeartbeat } from "@/lib/server/heartbeat/record-heartbeat";

export const dynamic = "force-dynamic";

export const POST = route({
  auth: "agent",
  params: taskKeyParams,
  handle: async ({ params, rawBody }) => {
    parseHeartbeatBody(rawBody);
    await recordHeartbeat(params.key);
    return { status: 204 };
  },
});
