// `baton mcp`: the MCP server over stdio, talking to the Baton at BATON_URL with BATON_TOKEN.
import { StdioServerTransport } from "@modelcontextprotocol/sdk/server/stdio.js";
import { clientFromEnv } from "@/lib/client/baton-client";
import { createBatonMcpServer } from "@/lib/mcp/server";

export async function runStdioServer(env: NodeJS.ProcessEnv = process.env): Promise<void> {
  if (!env.BATON_TOKEN) throw new Error("BATON_TOKEN is not set: export the agent token printed by `npm start` (and BATON_URL if Baton is not on http://127.0.0.1:3000).");
  const server = createBatonMcpServer(clientFromEnv(env));
  await server.connect(new StdioServerTransport());
}
