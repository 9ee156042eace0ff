// Tools for approval gates: ask a person to review an artifact (a terraform plan) and wait for the decision.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { Approval, BatonClient } from "@/lib/client/baton-client";
import { approvalIdParams, approvalRequestSchema, approvalStatusSchema } from "@/lib/schemas/approval";
import { phaseParams } from "@/lib/schemas/phase";
import { idempotencyArgument, taskArgument, timeoutSecondsArgument } from "@/lib/mcp/arguments";
import { defineTool } from "@/lib/mcp/define-tool";

const decisionOutput = z.object({
  decided: z.boolean().describe("false while the approval is still pending: call wait_for_approval again with `id`."),
  id: z.string(),
  status: approvalStatusSchema,
  decidedBy: z.string().nullable(),
  comment: z.string().nullable(),
  requiredApprovals: z.number().int().describe("Distinct people who must approve."),
  approvalsReceived: z.number().int().describe("Distinct people who approved so far."),
  approval: z.record(z.string(), z.unknown()).describe("The approval as GET /approvals/{id} returns it, without the artifact's content."),
});

export function registerApprovalTools(server: McpServer, client: BatonClient): void {
  defineTool(server, "request_approval", {
    title: "Request an approval",
    description:
      "Asks a person to review `artifact` (e.g. the output of `terraform plan`) before the gated `phase` may start; the phase waits in awaiting_approval. " +
      "Returns the approval id: then call wait_for_approval with it. A newer request on the same phase cancels the older one.",
    input: approvalRequestSchema.extend({
      ...taskArgument.shape,
      phase: phaseParams.shape.phase.describe("The key of the phase the approval gates."),
      ...idempotencyArgument.shape,
    }),
    run: async ({ task, phase, idempotencyKey, ...body }) => {
      const approval = await client.requestApproval(task, phase, body, { idempotencyKey });
      const text =
        `Approval ${approval.id} requested for phase ${phase} of ${task} (status ${approval.status}). ` +
        `${approval.requiredApprovals === 1 ? "A person reviews" : `${approval.requiredApprovals} different people review`} it at ${approval.url}. Wait for the decision with wait_for_approval {"id": "${approval.id}"}.`;
      return { text, structured: withoutArtifact(approval) };
    },
  });

  defineTool(server, "wait_for_approval", {
    title: "Wait for an approval",
    description:
      "Waits until a person decides the approval or `timeoutSeconds` pass, and says which: approved (go ahead), rejected (the comment is your next instruction), " +
      "expired or cancelled, or still pending (nothing decided yet: call again with the same id).",
    input: z.object({ id: approvalIdParams.shape.id.describe("The approval id request_approval returned."), timeoutSeconds: timeoutSecondsArgument }),
    output: decisionOutput,
    annotations: { readOnlyHint: true },
    run: async ({ id, timeoutSeconds }, signal) => {
      const approval = await client.waitForApproval(id, timeoutSeconds, signal);
      const decided = approval.status !== "pending";
      return {
        text: describeDecision(approval, timeoutSeconds),
        structured: {
          decided,
          id: approval.id,
          status: approval.status,
          decidedBy: approval.decidedBy,
          comment: approval.comment,
          requiredApprovals: approval.requiredApprovals,
          approvalsReceived: approval.approvalsReceived,
          approval: withoutArtifact(approval),
        },
      };
    },
  });
}

/** The artifact's content can be 8 MiB, and the agent sent it itself: never echo it into the agent's context. */
function withoutArtifact(approval: Approval): Record<string, unknown> {
  const { artifact: _artifact, ...rest } = approval;
  return rest;
}

function describeDecision(approval: Approval, waitedSeconds: number): string {
  const what = `Approval ${approval.id} ("${approval.title}") for phase ${approval.phase} of ${approval.task}`;
  const comment = approval.comment ? `: "${approval.comment}"` : "";
  const count = `${approval.approvalsReceived} of ${approval.requiredApprovals} approvals`;
  switch (approval.status) {
    case "pending":
      return (
        `Nothing was decided yet: ${what} is still pending after ${waitedSeconds} s (${count}). ` +
        `Call wait_for_approval again with {"id": "${approval.id}"} to keep waiting. It expires at ${approval.expiresAt}; a person reviews it at ${approval.url}.`
      );
    case "approved":
      return `${what} was APPROVED by ${approval.decidedBy} (${count})${comment}. You may now set the phase to active (update_phase).`;
    case "rejected":
      return `${what} was REJECTED by ${approval.decidedBy}${comment}. Do not start the phase; follow the comment, then request a new approval.`;
    case "expired":
      return `${what} EXPIRED at ${approval.expiresAt} without a decision, which counts as a rejection. Request a new approval to try again.`;
    default:
      return `${what} was CANCELLED${comment}. Nothing was approved.`;
  }
}
