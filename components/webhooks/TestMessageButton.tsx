"use client";

import { useTestWebhook } from "@/components/webhooks/queries";

/** Sends a sample message in the webhook's format now and says what the receiver answered. */
export function TestMessageButton({ webhookId }: { webhookId: string }) {
  const test = useTestWebhook(webhookId);
  const result = test.data;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <button
        type="button"
        onClick={() => test.mutate()}
        disabled={test.isPending}
        className="rounded-md border border-zinc-300 px-2 py-1 text-xs font-medium hover:border-zinc-500 disabled:opacity-50 dark:border-zinc-700"
      >
        {test.isPending ? "Sending…" : "Send test message"}
      </button>
      <p role="status" aria-label="Test message result" className="text-xs">
        {test.error && <span className="text-red-700 dark:text-red-400">{test.error.message}</span>}
        {result?.delivered && <span className="text-emerald-700 dark:text-emerald-400">Delivered: the receiver answered {result.responseStatus}.</span>}
        {result && !result.delivered && <span className="text-red-700 dark:text-red-400">Not delivered: {result.error}</span>}
      </p>
    </div>
  );
}
