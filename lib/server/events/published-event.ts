// An event as subscribers, the SSE stream and the event list see it: a stored Event row, dates as ISO strings.
import type { z } from "zod";
import type { storedEventSchema } from "@/lib/schemas/event";

export type PublishedEvent = z.infer<typeof storedEventSchema>;

export function toPublishedEvent(row: {
  seq: number;
  type: string;
  taskKey: string | null;
  actor: string | null;
  payload: unknown;
  createdAt: Date;
}): PublishedEvent {
  return {
    seq: Number(row.seq),
    type: row.type,
    taskKey: row.taskKey,
    actor: row.actor,
    payload: row.payload,
    createdAt: row.createdAt.toISOString(),
  };
}
