import { approvalDecisionSchema, approvalIdParams, approvalListQuerySchema, approvalRequestSchema, approvalWaitQuerySchema } from "@/lib/schemas/approval";
import { phaseParams } from "@/lib/schemas/phase";
import type { Contract } from "@/lib/contracts/define";

export const operations: Contract[] = [
  {
    method: "POST",
    path: "/api/v1/tasks/{key}/phases/{phase}/approvals",
    operationId: "requestApproval",
    summary: "Request a gate decision on a phase",
    description: "The artifact (e.g. a terraform plan) may be up to 8 MiB. The phase moves to `awaiting_approval`.",
    tags: ["approvals"],
    auth: "agent",
    params: phaseParams,
    body: { schema: approvalRequestSchema },
    responses: { 201: { description: "`{id, status: \"pending\", artifactSha256, expiresAt, url}`." } },
    errors: [404, 409],
  },
  {
    method: "GET",
    path: "/api/v1/approvals",
    operationId: "listApprovals",
    summary: "The approvals inbox",
    tags: ["approvals"],
    auth: "agent",
    query: approvalListQuerySchema,
    responses: { 200: { description: "The approvals." } },
  },
  {
    method: "GET",
    path: "/api/v1/approvals/{id}",
    operationId: "getApproval",
    summary: "An approval; `?wait=N` long-polls up to N ≤ 60 seconds until it is decided",
    description: "At most 64 waiting long-polls per token (429 with `Retry-After` beyond).",
    tags: ["approvals"],
    auth: "agent",
    params: approvalIdParams,
    query: approvalWaitQuerySchema,
    responses: { 200: { description: "The approval (still `pending` when the wait ran out)." } },
    errors: [404, 429],
  },
  {
    method: "POST",
    path: "/api/v1/approvals/{id}/decision",
    operationId: "decideApproval",
    summary: "Approve or reject a gate (a person's browser session only)",
    description:
      "Needs the session cookie and an `Origin` header equal to the server's origin; any bearer token gets 403. A rejection's comment becomes the first next action in the brief.",
    tags: ["approvals"],
    auth: "session",
    params: approvalIdParams,
    body: { schema: approvalDecisionSchema },
    responses: { 200: { description: "The decided approval." } },
    errors: [404, 409],
  },
];
