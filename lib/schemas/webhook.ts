// Inputs for webhook subscriptions: where to POST, which events, and the HMAC secret.
import { z } from "zod";
import { isoDateTime, itemsOf } from "@/lib/schemas/common";
import { eventSchema, eventTypes, eventTypeSchema } from "@/lib/schemas/event";

export const webhookEventSchema = z.enum([...eventTypes, "*"]);

export const webhookCreateSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, message: "must be an http(s) URL" })
    .max(2000),
  events: z.array(webhookEventSchema).min(1).max(eventTypes.length + 1),
  secret: z.string().min(16, "must be at least 16 characters").max(200),
});
export type WebhookCreate = z.infer<typeof webhookCreateSchema>;

export const webhookIdParams = z.object({ id: z.string().min(1).max(100) });

export const webhookDeliveryQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** A webhook as listed: the secret is never sent back. */
export const webhookViewSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(webhookEventSchema),
  active: z.boolean(),
  createdBy: z.string().nullable(),
  createdAt: isoDateTime,
});

export const webhookListSchema = itemsOf(webhookViewSchema);

export const webhookDeliverySchema = z.object({
  id: z.number().int(),
  webhookId: z.string(),
  eventSeq: z.number().int(),
  eventType: eventTypeSchema,
  status: z.enum(["pending", "retrying", "delivered", "failed"]),
  attempts: z.number().int(),
  responseStatus: z.number().int().nullable(),
  lastError: z.string().nullable(),
  nextAttemptAt: isoDateTime.nullable().describe("When the next attempt is due; null once delivered or failed for good."),
  deliveredAt: isoDateTime.nullable(),
  createdAt: isoDateTime,
});

export const webhookDeliveryListSchema = itemsOf(webhookDeliverySchema);

/** The JSON body POSTed to a webhook for each event it subscribed to. */
export const webhookDeliveryBodySchema = z.object({
  deliveryId: z.number().int(),
  webhookId: z.string(),
  event: eventSchema,
});
export type WebhookDeliveryBody = z.infer<typeof webhookDeliveryBodySchema>;
