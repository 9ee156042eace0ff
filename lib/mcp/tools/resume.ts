// Tools for carrying work across sessions and agents: the resume brief, handoffs, and the guide's progress.json.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { BatonClient } from "@/lib/client/baton-client";
import { briefQuerySchema } from "@/lib/schemas/brief";
import { handoffInputSchema } from "@/lib/schemas/handoff";
import { progressFileSchema } from "@/lib/schemas/progress-file";
import { idempotencyArgument, taskArgument } from "@/lib/mcp/arguments";
import { defineTool } from "@/lib/mcp/define-tool";

export function registerResumeTools(server: McpServer, client: BatonClient): void {
  defineTool(server, "get_brief", {
    title: "Get the resume brief",
    description:
      "Everything needed to resume the task without re-explaining: percent done, current phase and its resume cursor, the last checkpoint's " +
      "done / next / dependencies, open blockers, pending and rejected approvals with their comments, the latest handoff and the remaining phases. " +
      "Call it first in a new session or after a context reset. `agent` narrows it to that agent's lane.",
    input: briefQuerySchema.extend(taskArgument.shape),
    annotations: { readOnlyHint: true },
    run: async ({ task, agent }) => {
      const [markdown, brief] = await Promise.all([client.briefMarkdown(task, { agent }), client.brief(task, { agent })]);
      return { text: markdown, structured: brief };
    },
  });

  defineTool(server, "write_handoff", {
    title: "Write a handoff",
    description:
      "A split-brain handoff from one agent to the next: `from`, `to`, what is `complete`, what is `needed`, the `nextSteps`, and an optional markdown `body`. " +
      "The receiving agent finds it in its brief (get_brief with `agent`).",
    input: handoffInputSchema.in.safeExtend({ ...taskArgument.shape, ...idempotencyArgument.shape }),
    run: async ({ task, idempotencyKey, ...body }) => {
      const handoff = await client.writeHandoff(task, body, { idempotencyKey });
      return { text: `Handoff #${handoff.id} on ${task} from ${handoff.from} to ${handoff.to} recorded.`, structured: handoff };
    },
  });

  defineTool(server, "export_progress", {
    title: "Export progress.json",
    description: "The task as the guide's progress.json file: {task, started_at, current_phase, completed_phases, pending_phases, blockers, notes}.",
    input: taskArgument,
    annotations: { readOnlyHint: true },
    run: async ({ task }) => {
      const file = await client.exportProgress(task);
      return { text: JSON.stringify(file, null, 2), structured: file };
    },
  });

  defineTool(server, "import_progress", {
    title: "Import progress.json",
    description:
      "Creates or updates the task from the guide's progress.json `file`: completed phases → done, current → active, pending → pending, " +
      "blocker strings → open blockers, notes → notes. Gates still apply.",
    input: z.object({ ...taskArgument.shape, file: progressFileSchema.describe("The progress.json content (its own `task` field is the task's title).") }),
    run: async ({ task, file }) => {
      const { created, file: imported } = await client.importProgress(task, file);
      return { text: `${created ? "Created" : "Updated"} ${task} from progress.json.\n${JSON.stringify(imported, null, 2)}`, structured: { created, file: imported } };
    },
  });
}
