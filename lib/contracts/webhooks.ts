// Contracts of webhook subscriptions and their delivery log.
import { defineContract } from "@/lib/contracts/define";
import {
  webhookCreateSchema,
  webhookDeliveryListSchema,
  webhookDeliveryQuerySchema,
  webhookIdParams,
  webhookListSchema,
  webhookViewSchema,
} from "@/lib/schemas/webhook";

export const createWebhook = defineContract({
  method: "POST",
  path: "/api/v1/webhooks",
  operationId: "createWebhook",
  summary: "Subscribe a URL to events (person only)",
  description:
    "Each event is POSTed as JSON `{deliveryId, webhookId, event}` (`event` has the `Event` shape of `GET /tasks/{key}/events`) with `Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" with the secret>`, `Baton-Event` and `Baton-Delivery` headers. A non-2xx answer is retried with exponential backoff (8 attempts).",
  tags: ["webhooks"],
  auth: "person",
  body: { schema: webhookCreateSchema },
  responses: { 201: { description: "The webhook, without its secret.", schema: webhookViewSchema } },
});

export const listWebhooks = defineContract({
  method: "GET",
  path: "/api/v1/webhooks",
  operationId: "listWebhooks",
  summary: "Webhooks (person only)",
  tags: ["webhooks"],
  auth: "person",
  responses: { 200: { description: "The webhooks, never their secrets.", schema: webhookListSchema } },
});

export const deleteWebhook = defineContract({
  method: "DELETE",
  path: "/api/v1/webhooks/{id}",
  operationId: "deleteWebhook",
  summary: "Delete a webhook and its delivery log (person only)",
  tags: ["webhooks"],
  auth: "person",
  params: webhookIdParams,
  responses: { 204: { description: "Deleted." } },
  errors: [404],
});

export const listWebhookDeliveries = defineContract({
  method: "GET",
  path: "/api/v1/webhooks/{id}/deliveries",
  operationId: "listWebhookDeliveries",
  summary: "A webhook's delivery log, newest first: status, attempts, response, next retry (person only)",
  tags: ["webhooks"],
  auth: "person",
  params: webhookIdParams,
  query: webhookDeliveryQuerySchema,
  responses: { 200: { description: "The deliveries.", schema: webhookDeliveryListSchema } },
  errors: [404],
});
