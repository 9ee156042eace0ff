import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/tokens";
import { revokeToken } from "@/lib/server/tokens/revoke-token";

export const dynamic = "force-dynamic";

export const DELETE = route(contracts.revokeToken, async ({ params }) => ({ body: await revokeToken(params.id) }));
