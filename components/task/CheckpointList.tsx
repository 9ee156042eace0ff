"use client";

import { useCheckpoints } from "@/lib/queries";
import { RelativeTime } from "@/components/ui/RelativeTime";

export function CheckpointList({ taskKey }: { taskKey: string }) {
  const { data, isPending } = useCheckpoints(taskKey);
  const items = data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <section aria-labelledby="checkpoints-heading">
      <h2 id="checkpoints-heading" className="mb-2 text-sm font-semibold text-zinc-600 dark:text-zinc-400">
        Checkpoints
      </h2>
      {isPending && <p className="text-sm text-zinc-500">Loading checkpoints…</p>}
      {!isPending && items.length === 0 && <p className="text-sm text-zinc-500">No checkpoints yet.</p>}
      <ol className="flex flex-col gap-2" data-testid="checkpoint-feed">
        {items.map((checkpoint) => (
          <li key={checkpoint.seq} className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
            <div className="flex items-baseline gap-2">
              <span className="text-xs tabular-nums text-zinc-400">#{checkpoint.seq}</span>
              <span className="text-sm font-medium">{checkpoint.summary}</span>
              <span className="ml-auto text-xs text-zinc-500">
                <RelativeTime iso={checkpoint.createdAt} />
              </span>
            </div>
            {checkpoint.next.length > 0 && (
              <ul className="mt-2 list-disc pl-5 text-sm text-zinc-600 dark:text-zinc-400">
                {checkpoint.next.map((item, index) => (
                  <li key={index}>{item}</li>
                ))}
              </ul>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
