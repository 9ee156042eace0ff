"use client";

import { useId, useState } from "react";
import { eventTypes } from "@/lib/schemas/event";
import type { WebhookCreate } from "@/lib/schemas/webhook";
import { useCreateWebhook } from "@/components/webhooks/queries";

type WebhookEvent = WebhookCreate["events"][number];
const EVENT_CHOICES: WebhookEvent[] = [...eventTypes, "*"];

const inputClass = "rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm font-normal dark:border-zinc-700 dark:bg-zinc-950";

/** Subscribe a URL to events; the secret signs every delivery (Baton-Signature). */
export function WebhookForm() {
  const id = useId();
  const [url, setUrl] = useState("");
  const [secret, setSecret] = useState("");
  const [events, setEvents] = useState<WebhookEvent[]>(["approval.requested"]);
  const create = useCreateWebhook();
  const toggle = (type: WebhookEvent) => setEvents((current) => (current.includes(type) ? current.filter((t) => t !== type) : [...current, type]));

  return (
    <form
      className="flex flex-col gap-3"
      onSubmit={(event) => {
        event.preventDefault();
        create.mutate(
          { url, secret, events },
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
        <input id={`${id}-url`} type="url" required value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://chat.example.com/hooks/baton" className={inputClass} />
      </label>
      <label htmlFor={`${id}-secret`} className="flex flex-col gap-1 text-sm font-medium">
        Secret <span className="font-normal text-zinc-500 dark:text-zinc-400">(at least 16 characters; used for the HMAC-SHA256 signature)</span>
        <input id={`${id}-secret`} type="password" required minLength={16} value={secret} onChange={(e) => setSecret(e.target.value)} autoComplete="off" className={inputClass} />
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
      {create.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {create.error.message}
        </p>
      )}
      <div>
        <button type="submit" disabled={create.isPending || events.length === 0} className="rounded-md bg-zinc-900 px-3 py-1.5 text-sm font-semibold text-white disabled:opacity-50 dark:bg-zinc-100 dark:text-zinc-900">
          Add webhook
        </button>
      </div>
    </form>
  );
}
