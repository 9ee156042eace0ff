import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/phases";
import { recordHeartbeat } from "@/lib/server/heartbeat/record-heartbeat";

export const dynamic = "force-dynamic";

export const POST = route(contracts.recordHeartbeat, async ({ params }) => {
  await recordHeartbeat(params.key);
  return { status: 204 };
});
