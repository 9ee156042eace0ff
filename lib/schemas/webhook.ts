// Inputs for webhook subscriptions: where to POST, which events, and the HMAC secret.
import { z } from "zod";
import { eventTypes } from "@/lib/schemas/event";

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
