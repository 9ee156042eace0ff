// The Baton MCP server: the 17 tools of SPEC's "Agent tooling" and the brief resource, all acting through one
// typed HTTP client, so stdio (`baton mcp`) and Streamable HTTP (`/api/mcp`) behave exactly alike.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { BatonClient } from "@/lib/client/baton-client";
import packageJson from "@/package.json" with { type: "json" };
import { registerBriefResource } from "@/lib/mcp/brief-resource";
import { registerApprovalTools } from "@/lib/mcp/tools/approvals";
import { registerAskPerson } from "@/lib/mcp/tools/ask-person";
import { registerBlockerTools } from "@/lib/mcp/tools/blockers";
import { registerProgressTools } from "@/lib/mcp/tools/progress";
import { registerResumeTools } from "@/lib/mcp/tools/resume";
import { registerTaskTools } from "@/lib/mcp/tools/tasks";

const INSTRUCTIONS =
  "Baton records long-running work so it survives crashes and context resets. Start with get_brief for your task; " +
  "record_checkpoint (or record_note) as you go with done / next / resumeFrom; ask_person when you need a decision; " +
  "request_approval then wait_for_approval before a gated phase; write_handoff when another agent takes over.";

export function createBatonMcpServer(client: BatonClient): McpServer {
  const server = new McpServer({ name: "baton", title: "Baton", version: packageJson.version }, { instructions: INSTRUCTIONS });
  registerTaskTools(server, client);
  registerProgressTools(server, client);
  registerBlockerTools(server, client);
  registerAskPerson(server, client);
  registerApprovalTools(server, client);
  registerResumeTools(server, client);
  registerBriefResource(server, client);
  return server;
}
