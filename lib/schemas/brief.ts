import { z } from "zod";
import { agentName, isoDateTime } from "@/lib/schemas/common";
import { phaseStatusSchema, phaseViewSchema } from "@/lib/schemas/phase";
import { taskSummarySchema } from "@/lib/schemas/task";
import { checkpointViewSchema } from "@/lib/schemas/checkpoint";
import { blockerViewSchema } from "@/lib/schemas/blocker";
import { approvalListItemSchema } from "@/lib/schemas/approval";
import { handoffViewSchema } from "@/lib/schemas/handoff";

export const briefQuerySchema = z.object({
  agent: agentName.optional().describe("Narrow the brief to this agent's lane and the handoffs addressed to it."),
});
export type BriefQuery = z.infer<typeof briefQuerySchema>;

/** The resume brief's JSON model (the markdown brief renders the same). */
export const briefSchema = z.object({
  task: taskSummarySchema.pick({ key: true, title: true, description: true, status: true, playbook: true, startedAt: true, lastActivityAt: true }).extend({
    notes: z.string().nullable(),
  }),
  agent: z.string().nullable(),
  generatedAt: isoDateTime,
  progress: taskSummarySchema.shape.progress,
  lane: z.object({ agent: z.string(), percent: z.number(), phasesDone: z.number().int(), phasesTotal: z.number().int() }).nullable(),
  currentPhase: phaseViewSchema.nullable(),
  resumeFrom: z.string().nullable(),
  nextActions: z.array(z.string()),
  lastCheckpoint: checkpointViewSchema.nullable(),
  openBlockers: z.array(blockerViewSchema),
  answeredQuestions: z.array(blockerViewSchema).describe("Questions a person answered since the last checkpoint."),
  pendingApprovals: z.array(approvalListItemSchema),
  rejectedApprovals: z.array(approvalListItemSchema),
  latestHandoff: handoffViewSchema.nullable(),
  remainingPhases: z.array(phaseViewSchema),
  completedPhases: z.array(z.object({ key: z.string(), name: z.string(), status: phaseStatusSchema })),
  reportBack: z.object({ checkpointPath: z.string(), checkpointCurl: z.string() }),
});
