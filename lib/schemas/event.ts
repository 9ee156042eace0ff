import { z } from "zod";

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
] as const;
export const eventTypeSchema = z.enum(eventTypes);
export type EventType = z.infer<typeof eventTypeSchema>;
