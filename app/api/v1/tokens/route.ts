import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/tokens";
import { actorName } from "@/lib/server/auth/authenticate";
import { createToken } from "@/lib/server/tokens/create-token";
import { listTokens } from "@/lib/server/tokens/list-tokens";

export const dynamic = "force-dynamic";

export const GET = route(contracts.listTokens, async () => ({ body: await listTokens() }));

export const POST = route(contracts.createToken, async ({ body, principal }) => ({
  status: 201,
  body: await createToken(body, actorName(principal)),
}));
