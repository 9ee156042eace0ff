// MCP over Streamable HTTP at /api/mcp: stateless (a fresh server and transport per POST, as in the SDK's
// stateless example), bearer token required, and every tool acting with the caller's own token.
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { BatonClient } from "@/lib/client/baton-client";
import { APPROVAL_BODY_LIMIT } from "@/lib/schemas/approval";
import { authenticate, bearerToken } from "@/lib/server/auth/authenticate";
import { selfOrigin } from "@/lib/server/config";
import { AppError } from "@/lib/server/errors";
import { errorResponse } from "@/lib/server/http/problem";
import { createBatonMcpServer } from "@/lib/mcp/server";

// A request_approval call carries an artifact of up to 8 MiB inside its JSON-RPC envelope.
const MAX_MCP_BODY_BYTES = APPROVAL_BODY_LIMIT + 1024 * 1024;

export async function handleMcpPost(request: Request): Promise<Response> {
  try {
    const token = bearerToken(request);
    const principal = token ? await authenticate(request) : null;
    if (!token || principal?.kind !== "token") {
      throw new AppError("unauthorized", "Send `Authorization: Bearer <token>` (an agent token, e.g. the one printed by `npm start`) to use Baton's MCP server.");
    }
    // The tools go through the same typed client as `baton mcp`, pointed back at this server with the caller's
    // own token: every route's rules (auth, gates, limits, long-poll bounds, audit actor) apply to MCP calls
    // unchanged, with no second path into the domain to keep in step. The cost is one loopback hop per call.
    const server = createBatonMcpServer(new BatonClient({ url: selfOrigin(), token }));
    const transport = new WebStandardStreamableHTTPServerTransport({ sessionIdGenerator: undefined, maxRequestBodySize: MAX_MCP_BODY_BYTES });
    // Closing the server when the caller hangs up aborts the tool calls still waiting on its behalf.
    request.signal.addEventListener("abort", () => void server.close(), { once: true });
    await server.connect(transport);
    return await transport.handleRequest(request);
  } catch (error) {
    return errorResponse(error);
  }
}

/** Stateless: there is no session to stream to (GET) or to end (DELETE). */
export async function mcpMethodNotAllowed(request: Request): Promise<Response> {
  const response = errorResponse(new AppError("method-not-allowed", `${request.method} is not supported here: this MCP server is stateless; send JSON-RPC messages with POST.`));
  response.headers.set("allow", "POST");
  return response;
}
