"use client";

import { useState } from "react";
import { useDeleteWebhook, useWebhooks } from "@/components/webhooks/queries";
import { DeliveryLog } from "@/components/webhooks/DeliveryLog";
import { TestMessageButton } from "@/components/webhooks/TestMessageButton";
import { WebhookForm } from "@/components/webhooks/WebhookForm";
import type { Webhook } from "@/lib/schemas/webhook";
import { Panel } from "@/components/ui/Panel";
import { Skeleton } from "@/components/ui/Skeleton";

const FORMAT_NAMES = { generic: "Generic JSON", slack: "Slack", discord: "Discord" } as const;
const smallButton = "rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium dark:border-zinc-700";

/** `/settings`: webhooks that tell chat, pagers or CI about approvals and other events, with their delivery logs. */
export function WebhooksPage() {
  const webhooks = useWebhooks();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold tracking-tight">Webhooks</h1>
      <Panel id="new-webhook" title="New webhook">
        <WebhookForm />
      </Panel>
      {webhooks.isPending && <Skeleton className="h-20 w-full" />}
      {webhooks.error && <p className="text-sm text-red-700 dark:text-red-400">{webhooks.error.message}</p>}
      {webhooks.data?.items.map((hook) => <WebhookPanel key={hook.id} hook={hook} />)}
    </div>
  );
}

function WebhookPanel({ hook }: { hook: Webhook }) {
  const remove = useDeleteWebhook();
  const [editing, setEditing] = useState(false);
  return (
    <Panel
      id={`webhook-${hook.id}`}
      title={<span className="break-all normal-case">{hook.url}</span>}
      actions={
        <>
          <button type="button" onClick={() => setEditing((open) => !open)} aria-expanded={editing} className={`${smallButton} hover:border-zinc-500`}>
            Edit
          </button>
          <button
            type="button"
            onClick={() => {
              if (window.confirm(`Delete the webhook to ${hook.url}?`)) remove.mutate(hook.id);
            }}
            className={`${smallButton} hover:border-red-400 hover:text-red-700`}
          >
            Delete
          </button>
        </>
      }
    >
      {editing ? (
        <WebhookForm webhook={hook} onDone={() => setEditing(false)} />
      ) : (
        <div className="flex flex-col gap-2">
          <p className="text-xs text-zinc-600 dark:text-zinc-400">
            <span className="font-medium">{FORMAT_NAMES[hook.format]}</span> · <span className="font-mono">{hook.events.join(" · ")}</span>
          </p>
          <TestMessageButton webhookId={hook.id} />
          <DeliveryLog webhookId={hook.id} />
        </div>
      )}
    </Panel>
  );
}
