import { z } from "zod";
import { keySchema, longText, pageLimit, shortText } from "@/lib/schemas/common";
import { phaseInputSchema } from "@/lib/schemas/phase";

export const taskStatuses = ["pending", "active", "blocked", "awaiting_approval", "stale", "done", "failed"] as const;
export const taskStatusSchema = z.enum(taskStatuses);
export type TaskStatus = z.infer<typeof taskStatusSchema>;

export const taskPutSchema = z.object({
  title: shortText(300),
  description: longText(20_000).optional(),
  notes: longText(100_000).optional(),
  staleAfterSeconds: z.number().int().min(10).max(30 * 24 * 3600).optional(),
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
