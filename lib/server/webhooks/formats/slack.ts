// A notification as a Slack incoming-webhook message: `text` (what notifications and old clients show) and
// Block Kit `blocks` (the sentence, the task, phase and plan as fields, the longer text, a button to the page).
import type { ChatNotification, Segment } from "@/lib/server/webhooks/formats/notification";
import { slackText } from "@/lib/server/webhooks/formats/escape";
import { LIMITS } from "@/lib/server/webhooks/formats/limits";

type MrkdwnText = { type: "mrkdwn"; text: string };
export type SlackBlock =
  | { type: "section"; text: MrkdwnText }
  | { type: "section"; fields: MrkdwnText[] }
  | { type: "actions"; elements: { type: "button"; text: { type: "plain_text"; text: string }; url: string; style?: "primary" }[] };
export type SlackMessage = { text: string; blocks: SlackBlock[] };

function segment(part: Segment): string {
  if (typeof part === "string") return slackText(part, Infinity);
  if ("name" in part) return `*${slackText(part.name, LIMITS.name)}*`;
  return slackText(part.text, LIMITS.text);
}

const mrkdwn = (text: string): MrkdwnText => ({ type: "mrkdwn", text });
const link = (url: string, label: string) => `<${slackText(url, Infinity)}|${label}>`;

export function slackMessage(notification: ChatNotification): SlackMessage {
  const sentence = notification.sentence.map(segment).join("");
  const fields = [
    ...(notification.task ? [`*Task*\n${link(notification.task.url, slackText(notification.task.title, LIMITS.name))}`] : []),
    ...(notification.phase !== null ? [`*Phase*\n${slackText(notification.phase, LIMITS.name)}`] : []),
    ...(notification.planSummary !== null ? [`*Plan*\n${slackText(notification.planSummary, LIMITS.fact)}`] : []),
    ...notification.facts.map((fact) => `*${fact.label}*\n${slackText(fact.text, LIMITS.fact)}`),
  ];
  const blocks: SlackBlock[] = [{ type: "section", text: mrkdwn(sentence) }];
  if (fields.length > 0) blocks.push({ type: "section", fields: fields.map(mrkdwn) });
  if (notification.body) blocks.push({ type: "section", text: mrkdwn(slackText(notification.body, LIMITS.body)) });
  const button = { type: "button" as const, text: { type: "plain_text" as const, text: notification.link.label }, url: notification.link.url };
  blocks.push({ type: "actions", elements: [notification.kind === "approval_requested" ? { ...button, style: "primary" } : button] });
  return { text: `${sentence} ${link(notification.link.url, notification.link.label)}`, blocks };
}
