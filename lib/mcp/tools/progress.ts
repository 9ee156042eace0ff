// Tools an agent calls while it works: checkpoints (structured or the guide's text note), phase moves, liveness.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { BatonClient, Checkpoint } from "@/lib/client/baton-client";
import { checkpointInputSchema } from "@/lib/schemas/checkpoint";
import { heartbeatInputSchema } from "@/lib/schemas/heartbeat";
import { phaseParams, phasePatchSchema } from "@/lib/schemas/phase";
import { idempotencyArgument, taskArgument } from "@/lib/mcp/arguments";
import { defineTool } from "@/lib/mcp/define-tool";

const noteArguments = checkpointInputSchema.pick({ phase: true, agent: true }).extend({
  ...taskArgument.shape,
  ...idempotencyArgument.shape,
  note: checkpointInputSchema.shape.body.unwrap().min(1, "must not be empty").describe(
    "The guide's checkpoint note: `=== CHECKPOINT: <summary> ===`, bullet lines of what is done, `NEXT ACTIONS:` and `DEPENDENCIES:` sections.",
  ),
});

export function registerProgressTools(server: McpServer, client: BatonClient): void {
  defineTool(server, "record_checkpoint", {
    title: "Record a checkpoint",
    description:
      "Records an immutable checkpoint on the task: a one-line `summary`, what is `done`, the `next` actions, `dependencies`, " +
      "`progress` ({current, total, unit}), the `resumeFrom` cursor (e.g. `record 730000`) and `metrics`. " +
      "Optional `phase` (created on the fly) and `phaseStatus` move that phase under the same gate rules as update_phase.",
    input: checkpointInputSchema.extend({ ...taskArgument.shape, ...idempotencyArgument.shape }),
    run: async ({ task, idempotencyKey, ...body }) => {
      const checkpoint = await client.recordCheckpoint(task, body, { idempotencyKey });
      return { text: describeCheckpoint(checkpoint), structured: checkpoint };
    },
  });

  defineTool(server, "record_note", {
    title: "Record a checkpoint note",
    description: "Records a checkpoint written in the guide's text format; Baton parses it into summary, done, next actions and dependencies.",
    input: noteArguments,
    run: async ({ task, note, phase, agent, idempotencyKey }) => {
      const checkpoint = await client.recordNote(task, note, { phase, agent, idempotencyKey });
      return { text: describeCheckpoint(checkpoint), structured: checkpoint };
    },
  });

  defineTool(server, "update_phase", {
    title: "Move a phase",
    description:
      "Sets a phase's `status` (pending, active, done, failed, rolled_back, skipped) and optionally its `progress`. " +
      "A gated phase needs an approved approval before `active` (request_approval, then wait_for_approval); `done` needs its verification steps passed " +
      "in a checkpoint, or `force: true` with a `reason`.",
    input: phasePatchSchema.safeExtend({ ...taskArgument.shape, phase: phaseParams.shape.phase.describe("The phase's key.") }),
    run: async ({ task, phase, ...patch }) => {
      const view = await client.updatePhase(task, phase, patch);
      return { text: `Phase ${view.key} of ${task} is now ${view.status}.`, structured: view };
    },
  });

  defineTool(server, "heartbeat", {
    title: "Heartbeat",
    description: "Tells Baton the agent is still alive on the task, so it does not turn `stale` during long silent work.",
    input: heartbeatInputSchema.extend(taskArgument.shape),
    annotations: { idempotentHint: true },
    output: z.object({ task: z.string(), agent: z.string().nullable() }),
    run: async ({ task, ...body }) => {
      await client.heartbeat(task, body);
      return { text: `Heartbeat recorded for ${task}.`, structured: { task, agent: body.agent ?? null } };
    },
  });
}

function describeCheckpoint(checkpoint: Checkpoint): string {
  const lines = [`Checkpoint #${checkpoint.seq} recorded on ${checkpoint.task}${checkpoint.phase ? ` (phase ${checkpoint.phase})` : ""}: ${checkpoint.summary}`];
  if (checkpoint.next.length) lines.push("Next actions:", ...checkpoint.next.map((item) => `- ${item}`));
  if (checkpoint.resumeFrom) lines.push(`Resume from: ${checkpoint.resumeFrom}`);
  return lines.join("\n");
}
