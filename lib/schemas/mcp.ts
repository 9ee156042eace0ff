// The body of POST /api/mcp: one JSON-RPC 2.0 message of the Model Context Protocol, or a batch of them.
import { z } from "zod";

const jsonRpcMessageSchema = z
  .looseObject({ jsonrpc: z.literal("2.0", { message: 'must be "2.0" (a JSON-RPC 2.0 message)' }) })
  .describe("An MCP JSON-RPC 2.0 request, notification or response (e.g. `initialize`, `tools/list`, `tools/call`).");

export const mcpMessagesSchema = z.union([jsonRpcMessageSchema, z.array(jsonRpcMessageSchema).min(1)]);
