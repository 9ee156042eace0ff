// What a webhook receives, by its format: the one place a delivery's body is built (the outbox decides when
// and how it is sent). Generic: the event JSON. Slack and Discord: a readable message with a link to review.
import { eventSchema } from "@/lib/schemas/event";
import type { WebhookDeliveryBody, WebhookFormat, WebhookPingBody } from "@/lib/schemas/webhook";
import type { PublishedEvent } from "@/lib/server/events/publisher";
import { publicUrl } from "@/lib/server/config";
import { describeEvent, TEST_MESSAGE, testNotification, type ChatNotification } from "@/lib/server/webhooks/formats/notification";
import { loadEventContext } from "@/lib/server/webhooks/formats/load-context";
import { slackMessage } from "@/lib/server/webhooks/formats/slack";
import { discordMessage } from "@/lib/server/webhooks/formats/discord";

type Target = { id: string; format: WebhookFormat };

function chatMessage(format: Exclude<WebhookFormat, "generic">, notification: ChatNotification) {
  return format === "slack" ? slackMessage(notification) : discordMessage(notification);
}

/** The JSON body of delivery `deliveryId` of `event` to `webhook`. */
export async function deliveryBody(webhook: Target, deliveryId: number, event: PublishedEvent): Promise<string> {
  const parsed = eventSchema.parse(event);
  if (webhook.format === "generic") return JSON.stringify({ deliveryId, webhookId: webhook.id, event: parsed } satisfies WebhookDeliveryBody);
  return JSON.stringify(chatMessage(webhook.format, describeEvent(parsed, await loadEventContext(parsed))));
}

/** The JSON body of the sample message `POST /webhooks/{id}/test` sends. */
export function testMessageBody(webhook: Target): string {
  const notification = testNotification(publicUrl());
  if (webhook.format === "generic") {
    return JSON.stringify({ webhookId: webhook.id, ping: { message: TEST_MESSAGE, url: notification.link.url } } satisfies WebhookPingBody);
  }
  return JSON.stringify(chatMessage(webhook.format, notification));
}
