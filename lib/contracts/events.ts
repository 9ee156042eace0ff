// Contracts of the event log: the live stream and a task's history.
import { z } from "zod";
import { defineContract } from "@/lib/contracts/define";
import { taskKeyParams } from "@/lib/schemas/task";
import { eventStreamQuerySchema, taskEventPageSchema, taskEventsQuerySchema } from "@/lib/schemas/event";

export const streamEvents = defineContract({
  method: "GET",
  path: "/api/v1/events",
  operationId: "streamEvents",
  summary: "Live events as Server-Sent Events",
  description:
    "Each event has `id:` = the event's global seq, `event:` = its type, `data:` = the event as JSON (the `Event` shape of `GET /tasks/{key}/events`). Reconnect with `Last-Event-ID` (or `?after=`) to replay exactly the events missed, in order. Comment lines keep idle connections alive. Events are written only as fast as the client reads; a client that stops reading is dropped. At most 32 streams per token (429 with `Retry-After` beyond).",
  tags: ["events"],
  auth: "agent",
  role: "viewer",
  query: eventStreamQuerySchema,
  headers: [{ name: "Last-Event-ID", description: "Replay events after this seq before going live.", schema: z.string().regex(/^\d+$/) }],
  responses: { 200: { description: "An endless `text/event-stream`.", contentType: "text/event-stream" } },
  errors: [429],
});

export const listTaskEvents = defineContract({
  method: "GET",
  path: "/api/v1/tasks/{key}/events",
  operationId: "listTaskEvents",
  summary: "A task's event log, oldest first",
  description: "Page with `?after=<nextAfter>` until `nextAfter` is null.",
  tags: ["events"],
  auth: "agent",
  role: "viewer",
  params: taskKeyParams,
  query: taskEventsQuerySchema,
  responses: { 200: { description: "A page of events.", schema: taskEventPageSchema } },
  errors: [404],
});
