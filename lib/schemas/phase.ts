import { z } from "zod";
import { claimedAgentName, isoDateTime, keySchema, longText, progressSchema, shortText, stringList } from "@/lib/schemas/common";

export const phaseStatuses = ["pending", "active", "awaiting_approval", "done", "failed", "rolled_back", "skipped"] as const;
export const phaseStatusSchema = z.enum(phaseStatuses);
export type PhaseStatus = z.infer<typeof phaseStatusSchema>;

export const verificationStepSchema = z.object({
  name: shortText(200),
  command: z.string().max(2000).optional(),
});
export type VerificationStep = z.infer<typeof verificationStepSchema>;

export const MAX_REQUIRED_APPROVALS = 6;

/** How many distinct people must approve the same artifact before a gated phase opens. */
export const requiredApprovalsSchema = z
  .number()
  .int()
  .min(1, "at least 1 person approves a gate")
  .max(MAX_REQUIRED_APPROVALS, `at most ${MAX_REQUIRED_APPROVALS} people`)
  .describe(`Distinct people who must approve the same artifact (1–${MAX_REQUIRED_APPROVALS}, default 1). Lowering it is an admin person's act, like removing a gate.`);

export const preventSelfReviewSchema = z
  .boolean()
  .describe("When true, the person who created the requesting agent token cannot decide its approvals (403). Turning it off is an admin person's act.");

/** A phase as declared in `PUT /tasks/{key}` or a playbook template. */
export const phaseInputSchema = z.object({
  key: keySchema,
  name: shortText(200).optional(),
  requiresApproval: z.boolean().optional(),
  requiredApprovals: requiredApprovalsSchema.optional(),
  preventSelfReview: preventSelfReviewSchema.optional(),
  completionCriteria: stringList(50, 1000).optional(),
  verification: z.array(verificationStepSchema).max(50).optional(),
  rollback: longText(20_000).optional(),
  agent: claimedAgentName.optional(),
});
export type PhaseInput = z.infer<typeof phaseInputSchema>;

export const phasePatchSchema = z
  .object({
    status: phaseStatusSchema.optional(),
    progress: progressSchema.optional(),
    agent: claimedAgentName.optional(),
    requiredApprovals: requiredApprovalsSchema.optional(),
    preventSelfReview: preventSelfReviewSchema.optional(),
    force: z.boolean().optional(),
    reason: z.string().trim().min(1).max(2000).optional(),
  })
  .refine((p) => !p.force || p.reason !== undefined, { message: "force requires a reason", path: ["reason"] })
  .refine((p) => [p.status, p.progress, p.agent, p.requiredApprovals, p.preventSelfReview].some((field) => field !== undefined), {
    message: "send at least one of status, progress, agent, requiredApprovals, preventSelfReview",
    path: ["status"],
  });
export type PhasePatch = z.infer<typeof phasePatchSchema>;

export const phaseParams = z.object({ key: keySchema, phase: keySchema });

/**
 * The gate's real state, computed by the server (lib/server/phases/gate-rules.ts): `none` (no gate),
 * `required` (no approval asked for), `pending`, `approved` (not used yet), `rejected` (rejected or expired:
 * ask again), `consumed` (the approval opened the phase once; the next start needs a new one).
 */
export const gateStates = ["none", "required", "pending", "approved", "rejected", "consumed"] as const;
export const gateStateSchema = z.enum(gateStates);
export type GateState = z.infer<typeof gateStateSchema>;

/** A phase as the API, the dashboard and the brief show it. */
export const phaseViewSchema = z.object({
  key: z.string(),
  name: z.string(),
  position: z.number().int(),
  status: phaseStatusSchema,
  requiresApproval: z.boolean(),
  requiredApprovals: z.number().int(),
  preventSelfReview: z.boolean(),
  gate: gateStateSchema,
  completionCriteria: z.array(z.string()),
  verification: z.array(verificationStepSchema),
  rollback: z.string().nullable(),
  progress: z
    .object({ current: z.number(), total: z.number().nullable(), unit: z.string().nullable(), percent: z.number().nullable() })
    .nullable(),
  resumeFrom: z.string().nullable(),
  agent: z.string().nullable(),
  startedAt: isoDateTime.nullable(),
  completedAt: isoDateTime.nullable(),
  updatedAt: isoDateTime,
});
export type PhaseView = z.infer<typeof phaseViewSchema>;
