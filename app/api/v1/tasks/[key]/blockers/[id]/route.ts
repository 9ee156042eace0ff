import { route } from "@/lib/server/http/route";
import { actorName } from "@/lib/server/auth/authenticate";
import { blockerParams, blockerResolveSchema } from "@/lib/schemas/blocker";
import { resolveBlocker } from "@/lib/server/blockers/resolve-blocker";

export const dynamic = "force-dynamic";

export const PATCH = route({
  auth: "agent",
  params: blockerParams,
  body: blockerResolveSchema,
  handle: async ({ params, body, principal }) => ({ body: await resolveBlocker(params.key, params.id, body, actorName(principal!)) }),
});
