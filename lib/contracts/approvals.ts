// Contracts of the approval gate: the agent's request, the inbox, the long-poll and the person's decision.
import { defineContract } from "@/lib/contracts/define";
import { phaseParams } from "@/lib/schemas/phase";
import {
  APPROVAL_BODY_LIMIT,
  approvalDecisionSchema,
  approvalDetailSchema,
  approvalIdParams,
  approvalListItemSchema,
  approvalListQuerySchema,
  approvalListSchema,
  approvalRequestSchema,
  approvalWaitQuerySchema,
} from "@/lib/schemas/approval";

export const requestApproval = defineContract({
  method: "POST",
  path: "/api/v1/tasks/{key}/phases/{phase}/approvals",
  operationId: "requestApproval",
  summary: "Request a gate decision on a phase",
  description: "The artifact (e.g. a terraform plan) may be up to 8 MiB. The phase moves to `awaiting_approval`.",
  tags: ["approvals"],
  auth: "agent",
  role: "admin",
  params: phaseParams,
  body: { schema: approvalRequestSchema },
  // The JSON envelope around an 8 MiB artifact needs a little headroom.
  maxBodyBytes: APPROVAL_BODY_LIMIT + 64 * 1024,
  responses: { 201: { description: "The pending approval, with the dashboard `url` where a person decides it.", schema: approvalListItemSchema } },
  errors: [404, 409],
});

export const listApprovals = defineContract({
  method: "GET",
  path: "/api/v1/approvals",
  operationId: "listApprovals",
  summary: "The approvals inbox, newest first",
  tags: ["approvals"],
  auth: "agent",
  role: "viewer",
  query: approvalListQuerySchema,
  responses: { 200: { description: "The approvals, without their artifacts.", schema: approvalListSchema } },
});

export const getApproval = defineContract({
  method: "GET",
  path: "/api/v1/approvals/{id}",
  operationId: "getApproval",
  summary: "An approval; `?wait=N` long-polls up to N ≤ 60 seconds until it is decided",
  description:
    "Returns only on the final outcome: with required reviewers, one person's approval leaves it `pending` (see `approvalsReceived` of `requiredApprovals`). At most 64 waiting long-polls per token (429 with `Retry-After` beyond).",
  tags: ["approvals"],
  auth: "agent",
  role: "viewer",
  params: approvalIdParams,
  query: approvalWaitQuerySchema,
  responses: { 200: { description: "The approval with its artifact (still `pending` when the wait ran out).", schema: approvalDetailSchema } },
  errors: [404, 429],
});

export const decideApproval = defineContract({
  method: "POST",
  path: "/api/v1/approvals/{id}/decision",
  operationId: "decideApproval",
  summary: "Approve or reject a gate (a person's browser session only)",
  description:
    "Needs the session cookie and an `Origin` header equal to the server's origin; any bearer token gets 403. One rejection rejects; approvals settle it once `requiredApprovals` distinct people approved the same `artifactSha256` (until then it stays `pending` and lists each decision). Deciding twice is 409; with `preventSelfReview`, the person who created the requesting token gets 403 (`self-review`). A rejection's comment becomes the first next action in the brief.",
  tags: ["approvals"],
  auth: "session",
  role: "approver",
  params: approvalIdParams,
  body: { schema: approvalDecisionSchema },
  responses: { 200: { description: "The approval after this decision (without its artifact): settled, or still `pending` for more reviewers.", schema: approvalListItemSchema } },
  errors: [403, 404, 409],
});
