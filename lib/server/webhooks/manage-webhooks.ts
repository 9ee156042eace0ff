// Webhook subscriptions: create, list, change, delete, and each one's delivery log.
import { reader, transaction } from "@/lib/server/db/transaction";
import { invalidate } from "@/lib/server/cluster/invalidation";
import { notFound } from "@/lib/server/errors";
import { generateId } from "@/lib/server/auth/secrets";
import type { WebhookCreate, WebhookUpdate } from "@/lib/schemas/webhook";
import { toDeliveryView, toWebhookView } from "@/lib/server/webhooks/webhook-view";
import { assertWebhookTarget } from "@/lib/server/webhooks/webhook-target";

export async function createWebhook(input: WebhookCreate, createdBy: string) {
  assertWebhookTarget(input.url);
  const row = await transaction(async (tx) => {
    await invalidate(tx, "webhooks");
    return tx.webhook.create({
      data: { id: generateId("whk"), url: input.url, events: [...new Set(input.events)], format: input.format, secret: input.secret, createdBy },
    });
  });
  return toWebhookView(row);
}

export async function updateWebhook(id: string, input: WebhookUpdate) {
  if (input.url !== undefined) assertWebhookTarget(input.url);
  const row = await transaction(async (tx) => {
    const { count } = await tx.webhook.updateMany({
      where: { id },
      data: { url: input.url, events: input.events && [...new Set(input.events)], format: input.format, secret: input.secret },
    });
    if (count === 0) throw notFound(`Webhook "${id}"`);
    await invalidate(tx, "webhooks");
    return tx.webhook.findUniqueOrThrow({ where: { id } });
  });
  return toWebhookView(row);
}

export async function listWebhooks() {
  const db = await reader();
  const rows = await db.webhook.findMany({ orderBy: { createdAt: "desc" } });
  return { items: rows.map(toWebhookView) };
}

export async function deleteWebhook(id: string): Promise<void> {
  await transaction(async (tx) => {
    const { count } = await tx.webhook.deleteMany({ where: { id } });
    if (count === 0) throw notFound(`Webhook "${id}"`);
    await invalidate(tx, "webhooks");
  });
}

export async function listDeliveries(webhookId: string, limit: number) {
  const db = await reader();
  if (!(await db.webhook.findUnique({ where: { id: webhookId }, select: { id: true } }))) throw notFound(`Webhook "${webhookId}"`);
  const rows = await db.webhookDelivery.findMany({ where: { webhookId }, orderBy: { id: "desc" }, take: limit });
  return { items: rows.map(toDeliveryView) };
}
