"use client";
// Newest first, paged with `before=` and virtualized: only the rows on screen are in the DOM.
import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef } from "react";
import { useCheckpoints } from "@/lib/queries";
import { buildFeedItems, type FeedItem, type GateDecision } from "@/lib/timeline/feed-items";
import type { HandoffView } from "@/lib/server/handoffs/handoff-view";
import { formatDuration } from "@/lib/format/numbers";
import { Panel } from "@/components/ui/Panel";
import { Skeleton } from "@/components/ui/Skeleton";
import { CheckpointItem } from "@/components/timeline/CheckpointItem";
import { HandoffCard } from "@/components/timeline/HandoffCard";
import { GateDecisionCard } from "@/components/timeline/GateDecisionCard";

export function CheckpointFeed({ taskKey, handoffs, gates }: { taskKey: string; handoffs: HandoffView[]; gates: GateDecision[] }) {
  const { data, isPending, error, hasNextPage, fetchNextPage, isFetchingNextPage } = useCheckpoints(taskKey);
  const checkpoints = useMemo(() => data?.pages.flatMap((page) => page.items) ?? [], [data]);
  const total = data?.pages[0]?.total ?? 0;
  const items = useMemo(
    // Handoffs wait for the first page so the newest checkpoint is never preceded by an older handoff.
    () => (data ? buildFeedItems({ checkpoints, handoffs, gates, complete: !hasNextPage }) : []),
    [data, checkpoints, handoffs, gates, hasNextPage],
  );
  const scroller = useRef<HTMLDivElement>(null);
  // The React compiler leaves this component alone; TanStack Virtual manages its own memoization.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length + (hasNextPage ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => 96,
    overscan: 6,
    getItemKey: (index) => items[index]?.id ?? "more",
  });
  const virtualItems = virtualizer.getVirtualItems();
  const lastIndex = virtualItems.at(-1)?.index ?? 0;

  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && lastIndex >= items.length - 5) void fetchNextPage();
  }, [lastIndex, items.length, hasNextPage, isFetchingNextPage, fetchNextPage]);

  return (
    <Panel
      id="feed-heading"
      title="Checkpoints"
      actions={<span className="text-xs tabular-nums text-zinc-500 dark:text-zinc-400">{total.toLocaleString("en")} total</span>}
      flush
    >
      {isPending && (
        <div aria-busy="true" aria-label="Loading checkpoints" className="flex flex-col gap-3 p-3">
          {Array.from({ length: 4 }, (_, i) => (
            <Skeleton key={i} className="h-16 w-full" />
          ))}
        </div>
      )}
      {error && (
        <p role="alert" className="p-3 text-sm text-red-600 dark:text-red-400">
          {error.message}
        </p>
      )}
      {!isPending && items.length === 0 && (
        <p className="p-3 text-sm text-zinc-500 dark:text-zinc-400">
          No checkpoints yet. An agent records one with <code className="font-mono">POST /api/v1/tasks/{taskKey}/checkpoints</code>.
        </p>
      )}
      {items.length > 0 && (
        <div ref={scroller} tabIndex={0} role="region" aria-label="Checkpoint feed, newest first" className="h-[70vh] min-h-80 overflow-y-auto overscroll-contain" data-testid="checkpoint-feed">
          <div className="relative w-full" style={{ height: virtualizer.getTotalSize() }}>
            {virtualItems.map((row) => {
              const item = items[row.index];
              return (
                <div
                  key={row.key}
                  ref={virtualizer.measureElement}
                  data-index={row.index}
                  data-testid={item ? "feed-item" : "feed-more"}
                  data-kind={item?.kind}
                  className="absolute top-0 left-0 w-full border-b border-zinc-100 dark:border-zinc-800"
                  style={{ transform: `translateY(${row.start}px)` }}
                >
                  {item ? <FeedRow item={item} /> : <p className="p-3 text-xs text-zinc-500 dark:text-zinc-400">Loading older checkpoints…</p>}
                </div>
              );
            })}
          </div>
        </div>
      )}
    </Panel>
  );
}

function FeedRow({ item }: { item: FeedItem }) {
  if (item.kind === "checkpoint") return <CheckpointItem checkpoint={item.checkpoint} />;
  if (item.kind === "handoff") return <HandoffCard handoff={item.handoff} />;
  if (item.kind === "gate") return <GateDecisionCard gate={item.gate} />;
  return (
    <p className="flex items-center gap-2 px-3 py-1.5 text-xs text-zinc-500 dark:text-zinc-400">
      <span aria-hidden className="h-px flex-1 border-t border-dashed border-zinc-300 dark:border-zinc-700" />
      quiet for {formatDuration(item.seconds)}
      <span aria-hidden className="h-px flex-1 border-t border-dashed border-zinc-300 dark:border-zinc-700" />
    </p>
  );
}
