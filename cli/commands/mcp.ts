// `baton mcp`: Baton's MCP tools over stdio, for Claude Code (`.mcp.json`, see `baton init claude`) and other MCP clients.
import { Command } from "commander";
import { usageError } from "@/cli/exit";
import { runStdioServer } from "@/lib/mcp/stdio";

export function mcpCommand(): Command {
  return new Command("mcp")
    .description("serve Baton's MCP tools and the brief resource over stdio (reads BATON_URL and BATON_TOKEN)")
    .action(async () => {
      // Fail at start-up, where the person setting it up sees it, rather than on every tool call.
      if (!process.env.BATON_TOKEN) throw usageError("BATON_TOKEN is not set: export the agent token printed by `npm start` (and BATON_URL if Baton is not on http://127.0.0.1:3000).");
      await runStdioServer();
    });
}
