// Inputs of the approval gate: the agent's request, the person's decision, the inbox and long-poll queries.
import { z } from "zod";
import { isoDateTime, itemsOf, keySchema, pageLimit, shortText } from "@/lib/schemas/common";
import { phaseStatusSchema } from "@/lib/schemas/phase";

export const APPROVAL_BODY_LIMIT = 8 * 1024 * 1024;
export const MAX_WAIT_SECONDS = 60;

export const approvalStatuses = ["pending", "approved", "rejected", "expired", "cancelled"] as const;
export const approvalStatusSchema = z.enum(approvalStatuses);
export type ApprovalStatus = z.infer<typeof approvalStatusSchema>;

/**
 * What happens when nobody decides in time. Only `reject` exists on purpose: an `approve` on expiry
 * would let an agent approve its own gate by asking with a one-second expiry.
 */
export const onExpirySchema = z.enum(["reject"], { message: 'must be "reject" (an approval never approves itself on expiry)' });

export const approvalRequestSchema = z.object({
  title: shortText(300),
  summary: z.string().max(20_000).optional(),
  artifact: z.object({
    name: shortText(300),
    contentType: z.string().trim().min(1).max(200).default("text/plain"),
    content: z.string().max(APPROVAL_BODY_LIMIT),
  }),
  expiresInSeconds: z.number().int().min(1).max(30 * 24 * 3600).default(86_400),
  onExpiry: onExpirySchema.default("reject"),
});
export type ApprovalRequest = z.infer<typeof approvalRequestSchema>;

export const approvalDecisionSchema = z.object({
  decision: z.enum(["approve", "reject"]),
  comment: z.string().trim().max(10_000).optional(),
  artifactSha256: z.string().regex(/^[0-9a-f]{64}$/, "must be the hex sha256 of the artifact you reviewed"),
});
export type ApprovalDecision = z.infer<typeof approvalDecisionSchema>;

export const approvalIdParams = z.object({ id: z.string().min(1).max(100) });

export const approvalWaitQuerySchema = z.object({
  wait: z.coerce.number().min(0).max(MAX_WAIT_SECONDS, `must be at most ${MAX_WAIT_SECONDS} seconds`).optional(),
});

export const approvalListQuerySchema = z.object({
  status: approvalStatusSchema.optional(),
  task: keySchema.optional(),
  limit: pageLimit(100, 500),
});
export type ApprovalListQuery = z.infer<typeof approvalListQuerySchema>;

/** One person's decision, as the approval lists it (oldest first). */
export const approvalDecisionViewSchema = z.object({
  by: z.string().describe("The person who decided (`person:<name>`)."),
  decision: approvalDecisionSchema.shape.decision,
  comment: z.string().nullable(),
  at: isoDateTime,
});
export type ApprovalDecisionView = z.infer<typeof approvalDecisionViewSchema>;

/** An approval without its (possibly 8 MiB) artifact content. */
export const approvalSummarySchema = z.object({
  id: z.string(),
  task: z.string(),
  phase: z.string(),
  title: z.string(),
  summary: z.string().nullable(),
  status: approvalStatusSchema,
  artifactName: z.string(),
  artifactContentType: z.string(),
  artifactSha256: z.string(),
  requestedBy: z.string().nullable(),
  decidedBy: z.string().nullable(),
  comment: z.string().nullable(),
  expiresAt: isoDateTime,
  onExpiry: onExpirySchema,
  decidedAt: isoDateTime.nullable(),
  consumedAt: isoDateTime.nullable().describe("When the phase this approval opened left `active`: an approval opens its phase once."),
  createdAt: isoDateTime,
  requiredApprovals: z.number().int().describe("Distinct people who must approve this artifact (the phase's rule when it was requested)."),
  approvalsReceived: z.number().int().describe("Distinct people who approved this artifact so far; the approval stays `pending` until it reaches `requiredApprovals`."),
  preventSelfReview: z.boolean().describe("When true, `requestedByPerson` cannot decide it."),
  requestedByPerson: z.string().nullable().describe("The person answerable for the request: who created the requesting token (or who asked from the dashboard)."),
  decisions: z.array(approvalDecisionViewSchema).describe("Every person's decision, oldest first; `decidedBy` names the one that settled it."),
});

/** An inbox row: the summary with its task and phase, and the dashboard page to decide it on. */
export const approvalListItemSchema = approvalSummarySchema.extend({
  taskTitle: z.string(),
  phaseName: z.string(),
  phaseStatus: phaseStatusSchema,
  url: z.string(),
});

export type ApprovalListItem = z.infer<typeof approvalListItemSchema>;

export const approvalDetailSchema = approvalListItemSchema.extend({
  artifact: z.object({ name: z.string(), contentType: z.string(), content: z.string() }),
});

export const approvalListSchema = itemsOf(approvalListItemSchema);
