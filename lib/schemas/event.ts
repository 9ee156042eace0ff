import { z } from "zod";
import { keySchema, pageLimit } from "@/lib/schemas/common";

export const eventTypes = [
  "task.updated",
  "phase.updated",
  "checkpoint.created",
  "blocker.opened",
  "blocker.resolved",
  "approval.requested",
  "approval.decided",
  "approval.expired",
  "handoff.created",
  // Not tied to a task: a playbook was created or changed (audit trail).
  "playbook.updated",
] as const;
export const eventTypeSchema = z.enum(eventTypes);
export type EventType = z.infer<typeof eventTypeSchema>;

export const eventStreamQuerySchema = z.object({
  task: keySchema.optional().describe("Only this task's events."),
  after: z.coerce.number().int().min(0).optional().describe("Replay events with a greater seq first (like `Last-Event-ID`)."),
});

export const taskEventsQuerySchema = z.object({
  after: z.coerce.number().int().min(0).default(0).describe("Only events with a greater seq."),
  limit: pageLimit(100, 1000),
});
export type TaskEventsQuery = z.infer<typeof taskEventsQuerySchema>;

/** One row of the event log, as the SSE stream and `GET /tasks/{key}/events` carry it. */
export const eventSchema = z.object({
  seq: z.number().int(),
  type: z.string(),
  taskKey: z.string().nullable(),
  actor: z.string().nullable(),
  payload: z.unknown(),
  createdAt: z.string(),
});
