// A notification as a Discord webhook message: `content` (the sentence and the link) and one embed (a title
// by kind linking to the page, the longer text, the task, phase and plan as fields, a colour by kind).
// `allowed_mentions: {parse: []}` keeps any mention an agent slipped into its text from notifying anyone.
import type { ChatNotification, NotificationKind, Segment } from "@/lib/server/webhooks/formats/notification";
import { discordText } from "@/lib/server/webhooks/formats/escape";
import { LIMITS } from "@/lib/server/webhooks/formats/limits";

type EmbedField = { name: string; value: string; inline: boolean };
export type DiscordMessage = {
  content: string;
  embeds: [{ title: string; url: string; color: number; description?: string; fields: EmbedField[] }];
  allowed_mentions: { parse: [] };
};

const RED = 0xdc2626;
const GREEN = 0x16a34a;
const AMBER = 0xd97706;
const BLUE = 0x2563eb;
const ORANGE = 0xea580c;
const GREY = 0x71717a;

const KIND_TITLES: Record<NotificationKind, string> = {
  approval_requested: "Approval requested",
  question: "Question",
  rejected: "Approval rejected",
  blocker: "Task blocked",
  task_finished: "Task finished",
  task_failed: "Task failed",
  approved: "Approval approved",
  approval_reviewed: "Approval partly approved",
  approval_expired: "Approval expired",
  blocker_resolved: "Blocker resolved",
  handoff: "Handoff",
  phase_moved: "Phase update",
  checkpoint: "Checkpoint",
  task_updated: "Task updated",
  playbook_updated: "Playbook updated",
  person_updated: "People changed",
  test: "Test message",
};

const KIND_COLORS: Record<NotificationKind, number> = {
  approval_requested: AMBER,
  question: BLUE,
  rejected: RED,
  blocker: ORANGE,
  task_finished: GREEN,
  task_failed: RED,
  approved: GREEN,
  approval_reviewed: AMBER,
  approval_expired: RED,
  blocker_resolved: GREEN,
  handoff: GREY,
  phase_moved: GREY,
  checkpoint: GREY,
  task_updated: GREY,
  playbook_updated: GREY,
  person_updated: GREY,
  test: BLUE,
};

function segment(part: Segment): string {
  if (typeof part === "string") return discordText(part, Infinity);
  if ("name" in part) return `**${discordText(part.name, LIMITS.name)}**`;
  return discordText(part.text, LIMITS.text);
}

export function discordMessage(notification: ChatNotification): DiscordMessage {
  const sentence = notification.sentence.map(segment).join("");
  const fields: EmbedField[] = [
    ...(notification.task ? [{ name: "Task", value: `[${discordText(notification.task.title, LIMITS.name)}](${notification.task.url})`, inline: true }] : []),
    ...(notification.phase !== null ? [{ name: "Phase", value: discordText(notification.phase, LIMITS.name), inline: true }] : []),
    ...(notification.planSummary !== null ? [{ name: "Plan", value: discordText(notification.planSummary, LIMITS.fact), inline: false }] : []),
    ...notification.facts.map((fact) => ({ name: fact.label, value: discordText(fact.text, LIMITS.fact), inline: false })),
  ];
  return {
    content: `${sentence}\n${notification.link.label}: <${notification.link.url}>`,
    embeds: [
      {
        title: KIND_TITLES[notification.kind],
        url: notification.link.url,
        color: KIND_COLORS[notification.kind],
        ...(notification.body ? { description: discordText(notification.body, LIMITS.body) } : {}),
        fields,
      },
    ],
    allowed_mentions: { parse: [] },
  };
}
