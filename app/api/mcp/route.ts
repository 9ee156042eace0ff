import { route } from "@/lib/server/http/route";
import * as contracts from "@/lib/contracts/mcp";
import { mcpMethodNotAllowed, serveMcp } from "@/lib/mcp/http";

export const dynamic = "force-dynamic";

export const POST = route(contracts.postMcp, async ({ request, body, principal }) => serveMcp(request, body, principal));
export const GET = route(contracts.getMcp, mcpMethodNotAllowed);
export const DELETE = route(contracts.deleteMcp, mcpMethodNotAllowed);
