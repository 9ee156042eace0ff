import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/phases";
import { actorOf } from "@/lib/server/auth/actor";
import { updatePhase } from "@/lib/server/phases/update-phase";

export const dynamic = "force-dynamic";

export const PATCH = route(contracts.updatePhase, async ({ params, body, principal }) => ({
  body: await updatePhase(params.key, params.phase, body, actorOf(principal)),
}));
