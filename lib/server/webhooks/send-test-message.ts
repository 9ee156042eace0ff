// `POST /webhooks/{id}/test`: one sample message in the webhook's format, sent now and signed like any
// delivery, so a person sees at once whether Slack, Discord or their receiver accepts it. Not retried, not logged.
import { reader } from "@/lib/server/db/transaction";
import { notFound } from "@/lib/server/errors";
import { webhookFormatSchema, type WebhookTestResult } from "@/lib/schemas/webhook";
import { testMessageBody } from "@/lib/server/webhooks/delivery-body";
import { postWebhook } from "@/lib/server/webhooks/post-webhook";
import { assertWebhookTarget } from "@/lib/server/webhooks/webhook-target";

export async function sendTestMessage(id: string): Promise<WebhookTestResult> {
  const db = await reader();
  const row = await db.webhook.findUnique({ where: { id } });
  if (!row) throw notFound(`Webhook "${id}"`);
  assertWebhookTarget(row.url);
  const format = webhookFormatSchema.parse(row.format);
  const outcome = await postWebhook(row.url, testMessageBody({ id: row.id, format }), row.secret, { "Baton-Event": "ping" });
  return { format, delivered: outcome.ok, responseStatus: outcome.status, error: outcome.error };
}
