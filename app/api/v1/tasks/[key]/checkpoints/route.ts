import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/checkpoints";
import { actorName } from "@/lib/server/auth/authenticate";
import { listCheckpoints } from "@/lib/server/checkpoints/list-checkpoints";
import { recordCheckpoint } from "@/lib/server/checkpoints/record-checkpoint";
import { checkpointFromNote } from "@/lib/server/checkpoints/checkpoint-from-note";

export const dynamic = "force-dynamic";

export const GET = route(contracts.listCheckpoints, async ({ params, query }) => ({ body: await listCheckpoints(params.key, query) }));

export const POST = route(
  contracts.recordCheckpoint,
  async ({ params, body, principal }) => ({ status: 201, body: await recordCheckpoint(params.key, body, actorName(principal)) }),
  { parseBody: checkpointFromNote },
);
