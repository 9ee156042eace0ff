"use client";

import { useDeleteWebhook, useWebhooks } from "@/components/webhooks/queries";
import { DeliveryLog } from "@/components/webhooks/DeliveryLog";
import { WebhookForm } from "@/components/webhooks/WebhookForm";
import { Panel } from "@/components/ui/Panel";
import { Skeleton } from "@/components/ui/Skeleton";

/** `/settings`: webhooks that tell chat, pagers or CI about approvals and other events, with their delivery logs. */
export function WebhooksPage() {
  const webhooks = useWebhooks();
  const remove = useDeleteWebhook();
  return (
    <div className="flex flex-col gap-4">
      <h1 className="text-xl font-semibold tracking-tight">Webhooks</h1>
      <Panel id="new-webhook" title="New webhook">
        <WebhookForm />
      </Panel>
      {webhooks.isPending && <Skeleton className="h-20 w-full" />}
      {webhooks.error && <p className="text-sm text-red-700 dark:text-red-400">{webhooks.error.message}</p>}
      {webhooks.data?.items.map((hook) => (
        <Panel
          key={hook.id}
          id={`webhook-${hook.id}`}
          title={<span className="break-all normal-case">{hook.url}</span>}
          actions={
            <button
              type="button"
              onClick={() => {
                if (window.confirm(`Delete the webhook to ${hook.url}?`)) remove.mutate(hook.id);
              }}
              className="rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium hover:border-red-400 hover:text-red-700 dark:border-zinc-700"
            >
              Delete
            </button>
          }
        >
          <p className="mb-2 font-mono text-xs text-zinc-500 dark:text-zinc-400">{hook.events.join(" · ")}</p>
          <DeliveryLog webhookId={hook.id} />
        </Panel>
      ))}
    </div>
  );
}
