// Inputs for webhook subscriptions: where to POST, which events, in which format, and the HMAC secret.
import { z } from "zod";
import { isoDateTime, itemsOf } from "@/lib/schemas/common";
import { eventSchema, eventTypes, eventTypeSchema } from "@/lib/schemas/event";

export const webhookEventSchema = z.enum([...eventTypes, "*"]);

export const webhookFormats = ["generic", "slack", "discord"] as const;
export const webhookFormatSchema = z
  .enum(webhookFormats)
  .describe(
    "`generic`: the event JSON `{deliveryId, webhookId, event}`. `slack`: a Slack incoming-webhook message (`text` plus `blocks`). `discord`: a Discord webhook message (`content` plus one embed). Every format is signed the same way.",
  );
export type WebhookFormat = z.infer<typeof webhookFormatSchema>;

const webhookFields = {
  url: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
    .max(2000),
  events: z.array(webhookEventSchema).min(1).max(eventTypes.length + 1),
  format: webhookFormatSchema,
  secret: z.string().min(16, "must be at least 16 characters").max(200),
};

export const webhookCreateSchema = z.object({ ...webhookFields, format: webhookFields.format.default("generic") });
export type WebhookCreate = z.infer<typeof webhookCreateSchema>;

export const webhookUpdateSchema = z
  .object(webhookFields)
  .partial()
  .refine((update) => Object.keys(update).length > 0, "must change at least one of url, events, format, secret");
export type WebhookUpdate = z.infer<typeof webhookUpdateSchema>;

export const webhookIdParams = z.object({ id: z.string().min(1).max(100) });

export const webhookDeliveryQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A webhook as listed: the secret is never sent back. */
export const webhookViewSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(webhookEventSchema),
  format: webhookFormatSchema,
  active: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: isoDateTime,
});

export type Webhook = z.infer<typeof webhookViewSchema>;

export const webhookListSchema = itemsOf(webhookViewSchema);

export const webhookDeliverySchema = z.object({
  id: z.number().int(),
  webhookId: z.string(),
  eventSeq: z.number().int(),
  eventType: eventTypeSchema,
  status: z
    .enum(["pending", "delivering", "retrying", "delivered", "failed"])
    .describe("pending, then delivering while one instance attempts it; retrying after a failed attempt; delivered, or failed once out of attempts."),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: isoDateTime.nullable().describe("When the next attempt is due; null while one is under way and once delivered or failed for good."),
  deliveredAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});

export const webhookDeliveryListSchema = itemsOf(webhookDeliverySchema);

/** What `POST /webhooks/{id}/test` reports: the receiver's answer to one sample message. */
export const webhookTestResultSchema = z.object({
  format: webhookFormatSchema,
  delivered: z.boolean().describe("True when the receiver answered 2xx."),
  responseStatus: z.number().int().nullable().describe("The receiver's HTTP status; null when it could not be reached."),
  error: z.string().nullable(),
});
export type WebhookTestResult = z.infer<typeof webhookTestResultSchema>;

/** The JSON body POSTed to a generic webhook for each event it subscribed to. */
export const webhookDeliveryBodySchema = z.object({
  deliveryId: z.number().int(),
  webhookId: z.string(),
  event: eventSchema,
});
export type WebhookDeliveryBody = z.infer<typeof webhookDeliveryBodySchema>;

/** The sample a generic webhook receives from `POST /webhooks/{id}/test` (with `Baton-Event: ping`). */
export const webhookPingBodySchema = z.object({
  webhookId: z.string(),
  ping: z.object({ message: z.string(), url: z.string() }),
});
export type WebhookPingBody = z.infer<typeof webhookPingBodySchema>;
