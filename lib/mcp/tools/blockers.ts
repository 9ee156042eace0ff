// Tools for what stops the work: blockers the agent reports and resolves.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import type { BatonClient } from "@/lib/client/baton-client";
import { blockerInputSchema, blockerParams, blockerResolveSchema } from "@/lib/schemas/blocker";
import { idempotencyArgument, taskArgument } from "@/lib/mcp/arguments";
import { defineTool } from "@/lib/mcp/define-tool";

export const blockerIdArgument = blockerParams.shape.id.describe("The blocker's id, as report_blocker or ask_person returned it.");

export function registerBlockerTools(server: McpServer, client: BatonClient): void {
  defineTool(server, "report_blocker", {
    title: "Report a blocker",
    description:
      "Opens a blocker on the task (`kind`: dependency, access, decision, rate_limit, resource, other); the task shows as blocked until it is resolved. " +
      "To ask a person a question and wait for the answer, use ask_person instead.",
    input: blockerInputSchema.safeExtend({ ...taskArgument.shape, ...idempotencyArgument.shape }),
    run: async ({ task, idempotencyKey, ...body }) => {
      const blocker = await client.openBlocker(task, body, { idempotencyKey });
      return { text: `Blocker #${blocker.id} opened on ${task}: ${blocker.title}`, structured: blocker };
    },
  });

  defineTool(server, "resolve_blocker", {
    title: "Resolve a blocker",
    description: "Resolves one of the task's open blockers with a `resolution`. A question for a person is resolved only by the person's answer.",
    input: blockerResolveSchema.omit({ status: true }).extend({ ...taskArgument.shape, id: blockerIdArgument }),
    run: async ({ task, id, resolution }) => {
      const blocker = await client.resolveBlocker(task, id, { status: "resolved", resolution });
      return { text: `Blocker #${blocker.id} on ${task} resolved: ${blocker.resolution}`, structured: blocker };
    },
  });
}
