// Timeline as a pure function: checkpoints and handoffs (rows) become the feed's view items, newest first.
import type { CheckpointView } from "@/lib/server/checkpoints/checkpoint-view";
import type { HandoffView } from "@/lib/server/handoffs/handoff-view";

export type FeedItem =
  | { kind: "checkpoint"; id: string; checkpoint: CheckpointView }
  | { kind: "handoff"; id: string; handoff: HandoffView }
  | { kind: "gap"; id: string; seconds: number; from: string; to: string };

/** A silence longer than this between two neighbours reads as a gap ("quiet for 2 h"). */
export const GAP_SECONDS = 30 * 60;

/**
 * `checkpoints` arrive newest first, possibly only the newest pages; handoffs older than the oldest
 * loaded checkpoint wait until the feed reaches them (`complete` says every page is loaded).
 */
export function buildFeedItems(input: {
  checkpoints: CheckpointView[];
  handoffs: HandoffView[];
  complete: boolean;
  gapSeconds?: number;
}): FeedItem[] {
  const gapSeconds = input.gapSeconds ?? GAP_SECONDS;
  const oldest = input.checkpoints.at(-1);
  const floor = input.complete || !oldest ? -Infinity : Date.parse(oldest.createdAt);
  const entries: { at: number; order: number; item: FeedItem }[] = [
    ...input.checkpoints.map((checkpoint) => ({
      at: Date.parse(checkpoint.createdAt),
      order: checkpoint.seq,
      item: { kind: "checkpoint" as const, id: `c${checkpoint.seq}`, checkpoint },
    })),
    ...input.handoffs
      .filter((handoff) => Date.parse(handoff.createdAt) >= floor)
      .map((handoff) => ({ at: Date.parse(handoff.createdAt), order: handoff.id, item: { kind: "handoff" as const, id: `h${handoff.id}`, handoff } })),
  ];
  // Newest first; at the same instant a handoff reads after (below) the checkpoint that led to it.
  entries.sort((a, b) => b.at - a.at || rank(b.item) - rank(a.item) || b.order - a.order);

  const items: FeedItem[] = [];
  entries.forEach((entry, index) => {
    const older = entries[index + 1];
    items.push(entry.item);
    if (older && (entry.at - older.at) / 1000 > gapSeconds) {
      items.push({
        kind: "gap",
        id: `g${entry.item.id}`,
        seconds: (entry.at - older.at) / 1000,
        from: new Date(older.at).toISOString(),
        to: new Date(entry.at).toISOString(),
      });
    }
  });
  return items;
}

function rank(item: FeedItem): number {
  return item.kind === "checkpoint" ? 1 : 0;
}
