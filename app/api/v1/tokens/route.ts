import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/tokens";
import { createToken } from "@/lib/server/tokens/create-token";
import { listTokens } from "@/lib/server/tokens/list-tokens";

export const dynamic = "force-dynamic";

export const GET = route(contracts.listTokens, async () => ({ body: await listTokens() }));

export const POST = route(contracts.createToken, async ({ body, person }) => ({ status: 201, body: await createToken(body, person.name) }));
