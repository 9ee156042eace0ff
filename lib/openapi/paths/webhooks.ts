import { webhookCreateSchema, webhookDeliveryQuerySchema, webhookIdParams } from "@/lib/schemas/webhook";
import type { Contract } from "@/lib/contracts/define";

export const operations: Contract[] = [
  {
    method: "POST",
    path: "/api/v1/webhooks",
    operationId: "createWebhook",
    summary: "Subscribe a URL to events (person only)",
    description:
      "Each event is POSTed as JSON `{deliveryId, webhookId, event}` with `Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" with the secret>`, `Baton-Event` and `Baton-Delivery` headers. A non-2xx answer is retried with exponential backoff (8 attempts).",
    tags: ["webhooks"],
    auth: "person",
    body: { schema: webhookCreateSchema },
    responses: { 201: { description: "The webhook, without its secret." } },
  },
  {
    method: "GET",
    path: "/api/v1/webhooks",
    operationId: "listWebhooks",
    summary: "Webhooks (person only)",
    tags: ["webhooks"],
    auth: "person",
    responses: { 200: { description: "`{items}`, never the secrets." } },
  },
  {
    method: "DELETE",
    path: "/api/v1/webhooks/{id}",
    operationId: "deleteWebhook",
    summary: "Delete a webhook and its delivery log (person only)",
    tags: ["webhooks"],
    auth: "person",
    params: webhookIdParams,
    responses: { 204: { description: "Deleted." } },
    errors: [404],
  },
  {
    method: "GET",
    path: "/api/v1/webhooks/{id}/deliveries",
    operationId: "listWebhookDeliveries",
    summary: "A webhook's delivery log, newest first: status, attempts, response, next retry (person only)",
    tags: ["webhooks"],
    auth: "person",
    params: webhookIdParams,
    query: webhookDeliveryQuerySchema,
    responses: { 200: { description: "`{items}`." } },
    errors: [404],
  },
];
