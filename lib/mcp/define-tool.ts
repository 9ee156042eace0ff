// Registers one Baton tool: validated arguments in, readable text plus structuredContent out, and a
// refusal from Baton (or an unreachable server) turned into a tool error the agent can read and act on.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { CallToolResult, ToolAnnotations } from "@modelcontextprotocol/sdk/types.js";
import type { z } from "zod";
import { ApiError, NetworkError } from "@/lib/client/baton-client";

/** Readable text, and the structured result: of the declared output schema's shape when there is one. */
type ToolOutcome<O extends z.ZodObject | undefined> = { text: string; structured: O extends z.ZodObject ? z.input<O> : Record<string, unknown> };

type ToolSpec<I extends z.ZodObject, O extends z.ZodObject | undefined> = {
  title: string;
  description: string;
  input: I;
  /** Declared where the result has a shape of the tool's own; clients check structuredContent against it. */
  output?: O;
  annotations?: ToolAnnotations;
  run: (args: z.output<I>, signal: AbortSignal) => Promise<ToolOutcome<O>>;
};

export function defineTool<I extends z.ZodObject, O extends z.ZodObject | undefined = undefined>(server: McpServer, name: string, spec: ToolSpec<I, O>): void {
  // Widened so the SDK's conditional callback type resolves; the SDK validates the arguments with `spec.input` itself.
  const inputSchema: z.ZodObject = spec.input;
  server.registerTool(
    name,
    { title: spec.title, description: spec.description, inputSchema, outputSchema: spec.output, annotations: spec.annotations },
    async (args, extra): Promise<CallToolResult> => {
      try {
        const { text, structured } = await spec.run(args as z.output<I>, extra.signal);
        return { content: [{ type: "text", text }], structuredContent: structured };
      } catch (error) {
        return refusal(error);
      }
    },
  );
}

/** What Baton said no to, in the words of its problem+json, so the agent can correct the call. */
function refusal(error: unknown): CallToolResult {
  if (error instanceof ApiError) {
    const fieldErrors = (error.problem.errors ?? []).map((e) => `- ${e.path || "(body)"}: ${e.message}`);
    const text = [`Baton refused (${error.status} ${error.title}): ${error.detail}`, ...fieldErrors, `Problem type: ${error.type}`].join("\n");
    return { isError: true, content: [{ type: "text", text }] };
  }
  if (error instanceof NetworkError) return { isError: true, content: [{ type: "text", text: `${error.message}. Nothing was recorded; try again once Baton is up.` }] };
  throw error;
}
