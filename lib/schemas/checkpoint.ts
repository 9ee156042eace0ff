import { z } from "zod";
import { claimedAgentName, isoDateTime, keySchema, longText, pageLimit, progressSchema, shortText, stringList } from "@/lib/schemas/common";
import { phaseStatusSchema } from "@/lib/schemas/phase";

export const verificationResultSchema = z.object({
  name: shortText(200),
  status: z.enum(["passed", "failed", "skipped"]),
  command: z.string().max(2000).optional(),
  output: z.string().max(20_000).optional(),
});
export type VerificationResult = z.infer<typeof verificationResultSchema>;

export const checkpointInputSchema = z.object({
  summary: shortText(500),
  body: longText(200_000).optional(),
  phase: keySchema.optional(),
  phaseStatus: phaseStatusSchema.optional(),
  done: stringList().default([]),
  next: stringList().default([]),
  dependencies: stringList().default([]),
  decisions: stringList().default([]),
  progress: progressSchema.optional(),
  resumeFrom: z.string().trim().max(500).optional(),
  agent: claimedAgentName.optional(),
  verification: z.array(verificationResultSchema).max(100).default([]),
  metrics: z.record(z.string().min(1).max(100), z.number().finite()).default({}),
});
export type CheckpointInput = z.infer<typeof checkpointInputSchema>;

export const checkpointListQuerySchema = z.object({
  before: z.coerce.number().int().min(1).optional(),
  limit: pageLimit(50, 500),
});

export const checkpointViewSchema = z.object({
  task: z.string(),
  seq: z.number().int(),
  phase: z.string().nullable(),
  summary: z.string(),
  body: z.string().nullable(),
  done: z.array(z.string()),
  next: z.array(z.string()),
  dependencies: z.array(z.string()),
  decisions: z.array(z.string()),
  progress: z.object({ current: z.number(), total: z.number().nullable(), unit: z.string().nullable() }).nullable(),
  resumeFrom: z.string().nullable(),
  agent: z.string().nullable(),
  verification: z.array(verificationResultSchema),
  metrics: z.record(z.string(), z.number()),
  createdAt: isoDateTime,
});

export const checkpointPageSchema = z.object({
  items: z.array(checkpointViewSchema),
  nextBefore: z.number().int().nullable().describe("Pass as `before` for the next (older) page."),
  total: z.number().int(),
});
