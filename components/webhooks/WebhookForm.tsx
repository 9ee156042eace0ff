"use client";

import { useId, useState } from "react";
import { eventTypes } from "@/lib/schemas/event";
import type { Webhook, WebhookCreate, WebhookFormat } from "@/lib/schemas/webhook";
import { useCreateWebhook, useUpdateWebhook } from "@/components/webhooks/queries";

type WebhookEvent = WebhookCreate["events"][number];
const EVENT_CHOICES: WebhookEvent[] = [...eventTypes, "*"];

const FORMAT_CHOICES: { value: WebhookFormat; label: string }[] = [
  { value: "generic", label: "Generic JSON (the signed event)" },
  { value: "slack", label: "Slack (incoming webhook)" },
  { value: "discord", label: "Discord (channel webhook)" },
];

const inputClass = "rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm font-normal dark:border-zinc-700 dark:bg-zinc-950";

/** Subscribe a URL to events in a format, or change an existing webhook (`webhook`); the secret signs every delivery. */
export function WebhookForm({ webhook, onDone }: { webhook?: Webhook; onDone?: () => void }) {
  const id = useId();
  const [url, setUrl] = useState(webhook?.url ?? "");
  const [secret, setSecret] = useState("");
  const [format, setFormat] = useState<WebhookFormat>(webhook?.format ?? "generic");
  const [events, setEvents] = useState<WebhookEvent[]>(webhook?.events ?? ["approval.requested"]);
  const create = useCreateWebhook();
  const update = useUpdateWebhook(webhook?.id ?? "");
  const save = webhook ? update : create;
  const toggle = (type: WebhookEvent) => setEvents((current) => (current.includes(type) ? current.filter((t) => t !== type) : [...current, type]));

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        if (webhook) {
          update.mutate({ url, events, format, ...(secret ? { secret } : {}) }, { onSuccess: onDone });
          return;
        }
        create.mutate(
          { url, secret, events, format },
          {
            onSuccess: () => {
              setUrl("");
              setSecret("");
            },
          },
        );
      }}
    >
      <label htmlFor={`${id}-url`} className="flex flex-col gap-1 text-sm font-medium">
        Payload URL
        <input id={`${id}-url`} type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://hooks.slack.com/services/…" className={inputClass} />
      </label>
      <label htmlFor={`${id}-format`} className="flex flex-col gap-1 text-sm font-medium">
        Format
        <select id={`${id}-format`} value={format} onChange={(e) => setFormat(e.target.value as WebhookFormat)} className={inputClass}>
          {FORMAT_CHOICES.map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))}
        </select>
        {format !== "generic" && (
          <span className="font-normal text-zinc-600 dark:text-zinc-400">
            A readable message with a link to review. Routine events are left out: checkpoints that move no phase, progress-only phase updates, task and playbook edits.
          </span>
        )}
      </label>
      <label htmlFor={`${id}-secret`} className="flex flex-col gap-1 text-sm font-medium">
        <span>
          Secret{" "}
          <span className="font-normal text-zinc-600 dark:text-zinc-400">
            ({webhook ? "leave empty to keep the current one" : "at least 16 characters"}; signs every body with HMAC-SHA256, which Slack and Discord ignore)
          </span>
        </span>
        <input id={`${id}-secret`} type="password" required={!webhook} minLength={16} value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" className={inputClass} />
      </label>
      <fieldset className="flex flex-col gap-1">
        <legend className="text-sm font-medium">Events</legend>
        <div className="flex flex-wrap gap-x-4 gap-y-1">
          {EVENT_CHOICES.map((type) => (
            <label key={type} className="inline-flex items-center gap-1.5 font-mono text-xs">
              <input type="checkbox" checked={events.includes(type)} onChange={() => toggle(type)} />
              {type === "*" ? "* (every event)" : type}
            </label>
          ))}
        </div>
      </fieldset>
      {save.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {save.error.message}
        </p>
      )}
      <div className="flex gap-2">
        <button type="submit" disabled={save.isPending || events.length === 0} className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900">
          {webhook ? "Save webhook" : "Add webhook"}
        </button>
        {webhook && (
          <button type="button" onClick={onDone} className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm font-medium dark:border-zinc-700">
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
