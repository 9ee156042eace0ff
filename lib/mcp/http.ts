// MCP over Streamable HTTP at /api/mcp: stateless (a fresh server and transport per POST, as in the SDK's
// stateless example), and every tool acting with the caller's own bearer token.
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { BatonClient } from "@/lib/client/baton-client";
import { bearerToken, type Principal } from "@/lib/server/auth/authenticate";
import { selfOrigin } from "@/lib/server/config";
import { AppError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/http/problem";
import { createBatonMcpServer } from "@/lib/mcp/server";

/** Answers one POST of JSON-RPC messages (already read and checked by the route's contract). */
export async function serveMcp(request: Request, messages: unknown, principal: Principal): Promise<Response> {
  const token = bearerToken(request);
  if (principal.kind !== "token" || !token) {
    throw new AppError("unauthorized", "Send `Authorization: Bearer <token>` (an agent token, e.g. the one printed by `npm start`): MCP tools act with a token, not a browser session.");
  }
  // The tools go through the same typed client as `baton mcp`, pointed back at this server with the caller's
  // own token: every route's rules (auth, gates, limits, long-poll bounds, audit actor) apply to MCP calls
  // unchanged, with no second path into the domain to keep in step. The cost is one loopback hop per call.
  const server = createBatonMcpServer(new BatonClient({ url: selfOrigin(), token }));
  const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined });
  // Closing the server when the caller hangs up aborts the tool calls still waiting on its behalf.
  request.signal.addEventListener("abort", () => void server.close(), { once: true });
  await server.connect(transport);
  return transport.handleRequest(request, { parsedBody: messages });
}

/** Stateless: there is no session to stream to (GET) or to end (DELETE). */
export async function mcpMethodNotAllowed({ request }: { request: Request }): Promise<Response> {
  const response = errorResponse(new AppError("method-not-allowed", `${request.method} is not supported here: this MCP server is stateless; send JSON-RPC messages with POST.`));
  response.headers.set("allow", "POST");
  return response;
}
