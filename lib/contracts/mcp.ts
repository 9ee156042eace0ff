// Contracts of the MCP endpoint: Streamable HTTP, stateless, so only POST carries messages.
import { defineContract } from "@/lib/contracts/define";
import { APPROVAL_BODY_LIMIT } from "@/lib/schemas/approval";
import { mcpMessagesSchema } from "@/lib/schemas/mcp";

const STATELESS = "Stateless Streamable HTTP: there is no session to stream server messages to (GET) or to end (DELETE).";

export const postMcp = defineContract({
  method: "POST",
  path: "/api/mcp",
  operationId: "postMcp",
  summary: "MCP over Streamable HTTP: the agent tools and the brief resource, acting with the caller's bearer token",
  description:
    "The Model Context Protocol endpoint (tools `list_tasks` … `list_playbooks`, resource `baton://tasks/{key}/brief`). A bearer token is required " +
    "(a browser session cannot act here); every tool call goes through the REST API with that token, so the same rules and audit actor apply.",
  tags: ["mcp"],
  auth: "agent",
  role: "admin",
  body: { schema: mcpMessagesSchema },
  // A request_approval call carries an artifact of up to 8 MiB inside its JSON-RPC envelope.
  maxBodyBytes: APPROVAL_BODY_LIMIT + 1024 * 1024,
  idempotent: false,
  responses: {
    200: { description: "The JSON-RPC responses, as a Server-Sent Events stream.", contentType: "text/event-stream" },
    202: { description: "Notifications or responses only: accepted, nothing to answer." },
  },
});

export const getMcp = defineContract({
  method: "GET",
  path: "/api/mcp",
  operationId: "getMcp",
  summary: "Not supported (stateless MCP server): 405",
  description: STATELESS,
  tags: ["mcp"],
  // Like POST: the endpoint answers 401 to anyone without a bearer token, whatever the method.
  auth: "agent",
  role: "viewer",
  responses: {},
  errors: [405],
});

export const deleteMcp = defineContract({
  method: "DELETE",
  path: "/api/mcp",
  operationId: "deleteMcp",
  summary: "Not supported (stateless MCP server): 405",
  description: STATELESS,
  tags: ["mcp"],
  auth: "agent",
  role: "admin",
  responses: {},
  errors: [405],
});
