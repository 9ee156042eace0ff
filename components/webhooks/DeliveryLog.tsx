"use client";

import { useDeliveries } from "@/components/webhooks/queries";
import { RelativeTime } from "@/components/ui/RelativeTime";

const TONE: Record<string, string> = {
  delivered: "text-emerald-700 dark:text-emerald-400",
  retrying: "text-amber-700 dark:text-amber-400",
  delivering: "text-zinc-500 dark:text-zinc-400",
  failed: "text-red-700 dark:text-red-400",
  pending: "text-zinc-500 dark:text-zinc-400",
};

/** Every delivery of one webhook: status, attempts, the receiver's answer, and when the next retry is due. */
export function DeliveryLog({ webhookId }: { webhookId: string }) {
  const { data, error } = useDeliveries(webhookId);
  if (error) return <p className="text-sm text-red-700 dark:text-red-400">{error.message}</p>;
  if (!data) return null;
  if (data.items.length === 0) return <p className="text-xs text-zinc-500 dark:text-zinc-400">No deliveries yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table aria-label="Deliveries" className="w-full text-left text-xs">
        <thead className="text-zinc-500 dark:text-zinc-400">
          <tr>
            <th className="py-1 pr-3 font-medium">Event</th>
            <th className="py-1 pr-3 font-medium">Status</th>
            <th className="py-1 pr-3 font-medium">Attempts</th>
            <th className="py-1 pr-3 font-medium">Response</th>
            <th className="py-1 font-medium">When</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {data.items.map((delivery) => (
            <tr key={delivery.id}>
              <td className="py-1 pr-3 font-mono">
                {delivery.eventType} <span className="text-zinc-500 dark:text-zinc-400">#{delivery.eventSeq}</span>
              </td>
              <td className={`py-1 pr-3 font-medium ${TONE[delivery.status] ?? ""}`}>{delivery.status}</td>
              <td className="py-1 pr-3 tabular-nums">{delivery.attempts}</td>
              <td className="py-1 pr-3" title={delivery.lastError ?? undefined}>
                {delivery.responseStatus ?? "—"}
                {delivery.lastError && <span className="ml-1 text-zinc-500 dark:text-zinc-400">{delivery.lastError}</span>}
              </td>
              <td className="py-1 whitespace-nowrap">
                {delivery.nextAttemptAt ? (
                  <>
                    retry <RelativeTime iso={delivery.nextAttemptAt} />
                  </>
                ) : (
                  <RelativeTime iso={delivery.deliveredAt ?? delivery.createdAt} />
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
