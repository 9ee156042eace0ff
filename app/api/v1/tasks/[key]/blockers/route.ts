import { route } from "@/lib/server/http/route";
import { actorName } from "@/lib/server/auth/authenticate";
import { taskKeyParams } from "@/lib/schemas/task";
import { listBlockers } from "@/lib/server/blockers/list-blockers";
import { blockerInputSchema } from "@/lib/schemas/blocker";
import { openBlocker } from "@/lib/server/blockers/open-blocker";

export const dynamic = "force-dynamic";

export const GET = route({
  auth: "agent",
  params: taskKeyParams,
  handle: async ({ params }) => ({ body: await listBlockers(params.key) }),
});

export const POST = route({
  auth: "agent",
  params: taskKeyParams,
  body: blockerInputSchema,
  handle: async ({ params, body, principal }) => ({ status: 201, body: await openBlocker(params.key, body, actorName(principal!)) }),
});
