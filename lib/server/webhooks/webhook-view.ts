import type { Prisma } from "@/generated/prisma/client";
import { webhookFormatSchema } from "@/lib/schemas/webhook";

type WebhookRow = Prisma.WebhookGetPayload<object>;
type DeliveryRow = Prisma.WebhookDeliveryGetPayload<object>;

/** A webhook as listed: the secret is never sent back. */
export function toWebhookView(row: WebhookRow) {
  return {
    id: row.id,
    url: row.url,
    events: row.events as string[],
    format: webhookFormatSchema.parse(row.format),
    active: row.active,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
  };
}
export type WebhookView = ReturnType<typeof toWebhookView>;

export function toDeliveryView(row: DeliveryRow) {
  return {
    id: row.id,
    webhookId: row.webhookId,
    eventSeq: row.eventSeq,
    eventType: row.eventType,
    status: row.status,
    attempts: row.attempts,
    responseStatus: row.responseStatus,
    lastError: row.lastError,
    nextAttemptAt: row.status === "pending" || row.status === "retrying" ? row.nextAttemptAt.toISOString() : null,
    deliveredAt: row.deliveredAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
export type DeliveryView = ReturnType<typeof toDeliveryView>;
