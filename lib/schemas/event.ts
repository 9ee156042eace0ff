// The event log: every event type with the payload it carries (appendEvent, the SSE stream, the event
// list, the live dashboard and webhooks all speak these shapes), and the queries that read the log.
import { z } from "zod";
import { isoDateTime, keySchema, pageLimit, type Widened } from "@/lib/schemas/common";
import { phaseStatusSchema, phaseViewSchema } from "@/lib/schemas/phase";
import { checkpointViewSchema } from "@/lib/schemas/checkpoint";
import { blockerViewSchema } from "@/lib/schemas/blocker";
import { approvalDecisionSchema, approvalListItemSchema, onExpirySchema } from "@/lib/schemas/approval";
import { handoffViewSchema } from "@/lib/schemas/handoff";
import { personRoleSchema } from "@/lib/schemas/person";

export const eventTypes = [
  "task.updated",
  "phase.updated",
  "checkpoint.created",
  "blocker.opened",
  "blocker.resolved",
  "approval.requested",
  "approval.decided",
  // One person approved, and the approval still waits for more distinct reviewers.
  "approval.reviewed",
  "approval.expired",
  "handoff.created",
  // Not tied to a task: a playbook was created or changed (audit trail).
  "playbook.updated",
  // Not tied to a task: a person was invited, changed or removed (audit trail).
  "person.updated",
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

/** A row of the event log as stored: `eventSchema` says what `type` and `payload` hold. */
export const storedEventSchema = z.object({
  seq: z.number().int(),
  type: z.string(),
  taskKey: z.string().nullable(),
  actor: z.string().nullable(),
  payload: z.unknown(),
  createdAt: z.string(),
});

const phaseMove = { from: phaseStatusSchema, to: phaseStatusSchema };

/** The agent name the caller claimed; `actor` is always who authenticated. */
const claimedAgent = z.string().describe("The agent name the caller claimed; the event's `actor` is who authenticated.");

const gatesLowered = z.array(z.string()).describe("Phases whose approval gate a person lowered (removed, fewer reviewers, or self-review allowed again).");

/** A verification gap a `force` (or a progress.json import) stepped over, kept for the audit trail. */
const verificationOverrideSchema = z.object({ missing: z.array(z.string()), failed: z.array(z.string()), reason: z.string() });

/** What each event type carries in `payload`. */
export const eventPayloadSchemas = {
  "task.updated": z.union([
    z
      .object({
        created: z.boolean(),
        fields: z.array(z.string()),
        phases: z.array(z.string()),
        gatesLowered: gatesLowered.optional(),
      })
      .describe("PUT /tasks/{key}"),
    z
      .object({
        source: z.literal("progress.json"),
        created: z.boolean(),
        phases: z.array(z.object({ phase: z.string(), ...phaseMove, verificationOverride: verificationOverrideSchema.optional() })),
        blockersOpened: z.array(z.string()),
        blockersResolved: z.array(z.string()),
      })
      .describe("PUT /tasks/{key}/progress.json"),
  ]),
  "phase.updated": z.object({
    agent: claimedAgent.optional(),
    phase: phaseViewSchema,
    ...phaseMove,
    verificationOverride: verificationOverrideSchema.extend({ forced: z.literal(true) }).optional(),
    gatesLowered: gatesLowered.optional(),
  }),
  "checkpoint.created": z.object({
    agent: claimedAgent.optional(),
    checkpoint: checkpointViewSchema,
    phaseChange: z.object({ phase: z.string(), ...phaseMove }).optional(),
  }),
  "blocker.opened": z.object({ blocker: blockerViewSchema }),
  "blocker.resolved": z.object({
    blocker: blockerViewSchema,
    answeredBy: z.string().optional().describe("Set when a person's answer to the question resolved it."),
    sessionId: z.string().optional(),
  }),
  "approval.requested": z.object({
    approval: approvalListItemSchema,
    phase: phaseViewSchema,
    superseded: z.array(z.string()).describe("Ids of the pending approvals of this phase this request replaced."),
  }),
  "approval.decided": z.object({
    approval: approvalListItemSchema,
    decision: approvalDecisionSchema.shape.decision,
    decidedBy: z.string(),
    sessionId: z.string(),
    decidedAt: isoDateTime,
    artifactSha256: z.string(),
    comment: z.string().nullable(),
    phase: phaseViewSchema,
  }),
  "approval.reviewed": z.object({
    approval: approvalListItemSchema,
    decision: z.literal("approve").describe("A rejection is final: it comes as approval.decided."),
    by: z.string().describe("The person who approved (`person:<name>`)."),
    sessionId: z.string(),
    at: isoDateTime,
    artifactSha256: z.string(),
    comment: z.string().nullable(),
    approvalsReceived: z.number().int(),
    requiredApprovals: z.number().int(),
  }),
  "approval.expired": z.object({ approval: approvalListItemSchema, onExpiry: onExpirySchema, phase: phaseViewSchema }),
  "handoff.created": z.object({ agent: claimedAgent.optional(), handoff: handoffViewSchema }),
  "playbook.updated": z.union([
    z.object({ playbook: z.string(), created: z.boolean(), phases: z.array(z.string()), gatesLowered: gatesLowered.optional() }),
    z.object({ builtIn: z.literal(true), playbooks: z.array(z.string()) }).describe("Built-in playbooks installed or upgraded at start."),
  ]),
  "person.updated": z.object({
    person: z.string(),
    change: z.enum(["invited", "reinvited", "changed", "removed"]),
    role: personRoleSchema,
    displayName: z.string(),
  }),
} satisfies Record<EventType, z.ZodType>;

export type EventPayload<T extends EventType> = Widened<z.input<(typeof eventPayloadSchemas)[T]>>;

type ParsedPayload<T extends EventType> = z.output<(typeof eventPayloadSchemas)[T]>;
// The same map, typed per key so that indexing it with a type parameter keeps the link to that type.
const payloadSchemas: { [T in EventType]: z.ZodType<ParsedPayload<T>> } = eventPayloadSchemas;

/** The payload of a stored event if it is of this type, parsed to its schema; null for any other type. */
export function payloadOf<T extends EventType>(event: { type: string; payload: unknown }, type: T): ParsedPayload<T> | null {
  if (event.type !== type) return null;
  const parsed = payloadSchemas[type].safeParse(event.payload);
  return parsed.success ? parsed.data : null;
}

function eventOf<T extends EventType>(type: T) {
  return z.object({
    seq: z.number().int().describe("Global, gap-free order of the log; the SSE `id:`."),
    type: z.literal(type),
    taskKey: z.string().nullable(),
    actor: z.string().nullable(),
    payload: eventPayloadSchemas[type],
    createdAt: isoDateTime,
  });
}

/** One event of the log, as the SSE stream, `GET /tasks/{key}/events` and webhooks carry it. */
export const eventSchema = z.discriminatedUnion("type", [
  eventOf("task.updated"),
  eventOf("phase.updated"),
  eventOf("checkpoint.created"),
  eventOf("blocker.opened"),
  eventOf("blocker.resolved"),
  eventOf("approval.requested"),
  eventOf("approval.decided"),
  eventOf("approval.reviewed"),
  eventOf("approval.expired"),
  eventOf("handoff.created"),
  eventOf("playbook.updated"),
  eventOf("person.updated"),
]);
export type BatonEvent = z.infer<typeof eventSchema>;

export const taskEventPageSchema = z.object({
  items: z.array(eventSchema),
  nextAfter: z.number().int().nullable().describe("Pass as `after` for the next page; null on the last one."),
});
