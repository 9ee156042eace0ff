import { z } from "zod";
import { isoDateTime, keySchema, longText, pageLimit, shortText } from "@/lib/schemas/common";
import { phaseInputSchema, phaseViewSchema } from "@/lib/schemas/phase";
import { blockerViewSchema } from "@/lib/schemas/blocker";
import { approvalSummarySchema } from "@/lib/schemas/approval";
import { checkpointViewSchema, verificationResultSchema } from "@/lib/schemas/checkpoint";

export const taskStatuses = ["pending", "active", "blocked", "awaiting_approval", "stale", "done", "failed"] as const;
export const taskStatusSchema = z.enum(taskStatuses);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

export const taskPutSchema = z.object({
  title: shortText(300),
  description: longText(20_000).optional(),
  notes: longText(100_000).optional(),
  staleAfterSeconds: z.number().int().min(1).max(30 * 24 * 3600).optional(),
  playbook: keySchema.optional(),
  phases: z.array(phaseInputSchema).max(100).optional(),
});
export type TaskPut = z.infer<typeof taskPutSchema>;

export const taskListQuerySchema = z.object({
  status: taskStatusSchema.optional(),
  q: z.string().max(200).optional(),
  limit: pageLimit(50, 200),
  cursor: z.string().max(200).optional(),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;

export const taskKeyParams = z.object({ key: keySchema });

export const taskSummarySchema = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  status: taskStatusSchema,
  progress: z.object({ percent: z.number(), phasesDone: z.number().int(), phasesTotal: z.number().int() }),
  currentPhase: phaseViewSchema.nullable(),
  counts: z.object({ openBlockers: z.number().int(), pendingApprovals: z.number().int(), checkpoints: z.number().int() }),
  staleAfterSeconds: z.number().int(),
  playbook: z.string().nullable(),
  startedAt: isoDateTime.nullable(),
  lastActivityAt: isoDateTime,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
});

export const taskListSchema = z.object({
  items: z.array(taskSummarySchema),
  nextCursor: z.string().nullable().describe("Pass as `cursor` for the next page; null on the last one."),
});

/** Everything `GET /tasks/{key}` returns. */
export const taskDetailSchema = taskSummarySchema.extend({
  notes: z.string().nullable(),
  phases: z.array(phaseViewSchema),
  openBlockers: z.array(blockerViewSchema),
  pendingApprovals: z.array(approvalSummarySchema),
  latestCheckpoint: checkpointViewSchema.nullable(),
});

const timelinePoint = { seq: z.number().int(), at: isoDateTime };

/** The chart series of a task: progress per phase, checkpoint metrics, the latest result of every verification step. */
export const taskTimelineSchema = z.object({
  progress: z.array(
    z.object({
      phase: z.string().nullable(),
      unit: z.string().nullable(),
      points: z.array(z.object({ ...timelinePoint, current: z.number(), total: z.number().nullable() })),
    }),
  ),
  metrics: z.object({ names: z.array(z.string()), points: z.array(z.object({ ...timelinePoint, values: z.record(z.string(), z.number()) })) }),
  verification: z
    .record(z.string(), z.record(z.string(), verificationResultSchema.extend(timelinePoint)))
    .describe("By phase key (\"\" for checkpoints without a phase), then by step name."),
  checkpoints: z.number().int(),
});
