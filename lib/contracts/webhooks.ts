// Contracts of webhook subscriptions and their delivery log.
import { defineContract } from "@/lib/contracts/define";
import {
  webhookCreateSchema,
  webhookDeliveryListSchema,
  webhookDeliveryQuerySchema,
  webhookIdParams,
  webhookListSchema,
  webhookTestResultSchema,
  webhookUpdateSchema,
  webhookViewSchema,
} from "@/lib/schemas/webhook";

export const createWebhook = defineContract({
  method: "POST",
  path: "/api/v1/webhooks",
  operationId: "createWebhook",
  summary: "Subscribe a URL to events (person only)",
  description:
    "With `format: generic` (the default) each event is POSTed as JSON `{deliveryId, webhookId, event}` (`event` has the `Event` shape of `GET /tasks/{key}/events`); `slack` and `discord` POST a readable chat message with a link to review instead, and skip routine events (a checkpoint that moves no phase, a progress-only phase update, `task.updated`, `playbook.updated`). Every body carries `Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" with the secret>`, `Baton-Event` and `Baton-Delivery` headers. A non-2xx answer is retried with exponential backoff (8 attempts). Deliveries are written with their event (an outbox), so none is lost to a crash; one whose instance died mid-attempt is sent again with the same `Baton-Delivery` id.",
  tags: ["webhooks"],
  auth: "person",
  role: "admin",
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
  role: "admin",
  responses: { 200: { description: "The webhooks, never their secrets.", schema: webhookListSchema } },
});

export const updateWebhook = defineContract({
  method: "PATCH",
  path: "/api/v1/webhooks/{id}",
  operationId: "updateWebhook",
  summary: "Change a webhook's URL, events, format or secret (person only)",
  description: "Fields left out keep their value; deliveries not yet sent use the new settings.",
  tags: ["webhooks"],
  auth: "person",
  role: "admin",
  params: webhookIdParams,
  body: { schema: webhookUpdateSchema },
  responses: { 200: { description: "The webhook, without its secret.", schema: webhookViewSchema } },
  errors: [404],
});

export const testWebhook = defineContract({
  method: "POST",
  path: "/api/v1/webhooks/{id}/test",
  operationId: "testWebhook",
  summary: "Send a sample message in the webhook's format to its URL now, and report the receiver's answer (person only)",
  description:
    "The sample is signed like any delivery and carries `Baton-Event: ping`; a generic webhook receives `{webhookId, ping: {message, url}}`. It is not retried and not written to the delivery log. The answer is 200 whatever the receiver said: read `delivered`, `responseStatus` and `error`.",
  tags: ["webhooks"],
  auth: "person",
  role: "admin",
  params: webhookIdParams,
  responses: { 200: { description: "What the receiver answered.", schema: webhookTestResultSchema } },
  errors: [404],
});

export const deleteWebhook = defineContract({
  method: "DELETE",
  path: "/api/v1/webhooks/{id}",
  operationId: "deleteWebhook",
  summary: "Delete a webhook and its delivery log (person only)",
  tags: ["webhooks"],
  auth: "person",
  role: "admin",
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
  role: "admin",
  params: webhookIdParams,
  query: webhookDeliveryQuerySchema,
  responses: { 200: { description: "The deliveries.", schema: webhookDeliveryListSchema } },
  errors: [404],
});
