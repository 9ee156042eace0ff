import { route } from "@/lib/server/http/route";
import { actorName } from "@/lib/server/auth/authenticate";
import { phaseParams, phasePatchSchema } from "@/lib/schemas/phase";
import { updatePhase } from "@/lib/server/phases/update-phase";

export const dynamic = "force-dynamic";

export const PATCH = route({
  auth: "agent",
  params: phaseParams,
  body: phasePatchSchema,
  handle: async ({ params, body, principal }) => ({ body: await updatePhase(params.key, params.phase, body, actorName(principal!)) }),
});
