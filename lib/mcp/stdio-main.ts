// Runs the stdio MCP server directly (`tsx lib/mcp/stdio-main.ts`); `baton mcp` does the same.
import { runStdioServer } from "@/lib/mcp/stdio";

runStdioServer().catch((error: unknown) => {
  process.stderr.write(`baton mcp: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
