// `baton mcp`: the MCP server over stdio, talking to the Baton at BATON_URL with BATON_TOKEN.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { clientFromEnv } from "@/lib/client/baton-client";
import { createBatonMcpServer } from "@/lib/mcp/server";

/** Resolves once the server is listening on stdin/stdout; the process then lives until stdin closes. */
export async function runStdioServer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const server = createBatonMcpServer(clientFromEnv(env));
  await server.connect(new StdioServerTransport());
}
