// The resource `baton://tasks/{key}/brief`: a task's resume brief as markdown, for clients that attach resources as context.
import { McpServer, ResourceTemplate } from "@modelcontextprotocol/sdk/server/mcp.js";
import { ErrorCode, McpError } from "@modelcontextprotocol/sdk/types.js";
import { ApiError, type BatonClient } from "@/lib/client/baton-client";
import { keySchema } from "@/lib/schemas/common";

export const briefUri = (key: string) => `baton://tasks/${key}/brief`;

export function registerBriefResource(server: McpServer, client: BatonClient): void {
  const template = new ResourceTemplate("baton://tasks/{key}/brief", {
    list: async () => {
      const { items } = await client.listTasks();
      return { resources: items.map((task) => ({ uri: briefUri(task.key), name: `${task.key} brief`, title: `Resume brief: ${task.title}`, mimeType: "text/markdown" })) };
    },
  });
  server.registerResource(
    "task-brief",
    template,
    { title: "Resume brief", description: "A task's resume brief (markdown): where it stands and exactly where to pick it up.", mimeType: "text/markdown" },
    async (uri, variables) => {
      const key = keySchema.safeParse(variables.key);
      if (!key.success) throw new McpError(ErrorCode.InvalidParams, `"${String(variables.key)}" is not a task key.`);
      try {
        return { contents: [{ uri: uri.href, mimeType: "text/markdown", text: await client.briefMarkdown(key.data) }] };
      } catch (error) {
        if (error instanceof ApiError) throw new McpError(ErrorCode.InvalidParams, error.detail);
        throw error;
      }
    },
  );
}
