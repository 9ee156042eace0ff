import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/blockers";
import { actorName } from "@/lib/server/auth/authenticate";
import { resolveBlocker } from "@/lib/server/blockers/resolve-blocker";
import { waitForBlocker } from "@/lib/server/blockers/get-blocker";
import { longPollSlots } from "@/lib/server/http/open-slots";

export const dynamic = "force-dynamic";

export const GET = route(contracts.getBlocker, async ({ request, params, query, principal }) => {
  const read = () => waitForBlocker(params.key, params.id, query.wait ?? 0, request.signal);
  return { body: query.wait ? await longPollSlots.hold(principal, read) : await read() };
});

export const PATCH = route(contracts.resolveBlocker, async ({ params, body, principal }) => ({
  body: await resolveBlocker(params.key, params.id, body, actorName(principal)),
}));
