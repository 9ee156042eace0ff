import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/blockers";
import { actorName } from "@/lib/server/auth/authenticate";
import { listBlockers } from "@/lib/server/blockers/list-blockers";
import { openBlocker } from "@/lib/server/blockers/open-blocker";

export const dynamic = "force-dynamic";

export const GET = route(contracts.listBlockers, async ({ params }) => ({ body: await listBlockers(params.key) }));

export const POST = route(contracts.openBlocker, async ({ params, body, principal }) => ({
  status: 201,
  body: await openBlocker(params.key, body, actorName(principal)),
}));
