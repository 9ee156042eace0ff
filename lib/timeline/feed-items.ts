// Timeline as a pure function: checkpoints, handoffs and people's gate decisions (rows) become the feed's
// view items, newest first.
import type { CheckpointView } from "@/lib/server/checkpoints/checkpoint-view";
import type { HandoffView } from "@/lib/server/handoffs/handoff-view";
import type { ApprovalDecisionView } from "@/lib/schemas/approval";

/** One person's decision on a gate, with the approval it belongs to. */
export type GateDecision = ApprovalDecisionView & { approvalId: string; title: string; phaseName: string };

export type FeedItem =
  | { kind: "checkpoint"; id: string; checkpoint: CheckpointView }
  | { kind: "handoff"; id: string; handoff: HandoffView }
  | { kind: "gate"; id: string; gate: GateDecision }
  | { kind: "gap"; id: string; seconds: number; from: string; to: string };

/** Every person's decision on these approvals, for the feed. */
export function gateDecisions(approvals: { id: string; title: string; phaseName: string; decisions: ApprovalDecisionView[] }[]): GateDecision[] {
  return approvals.flatMap((approval) => approval.decisions.map((decision) => ({ ...decision, approvalId: approval.id, title: approval.title, phaseName: approval.phaseName })));
}

/** A silence longer than this between two neighbours reads as a gap ("quiet for 2 h"). */
export const GAP_SECONDS = 30 * 60;

/**
 * `checkpoints` arrive newest first, possibly only the newest pages; handoffs and gate decisions older than
 * the oldest loaded checkpoint wait until the feed reaches them (`complete` says every page is loaded).
 */
export function buildFeedItems(input: {
  checkpoints: CheckpointView[];
  handoffs: HandoffView[];
  gates?: GateDecision[];
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
    ...(input.gates ?? [])
      .filter((gate) => Date.parse(gate.at) >= floor)
      .map((gate, index) => ({ at: Date.parse(gate.at), order: index, item: { kind: "gate" as const, id: `g:${gate.approvalId}:${gate.by}`, gate } })),
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
