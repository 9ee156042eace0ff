import Link from "next/link";
import type { GateDecision } from "@/lib/timeline/feed-items";
import { RelativeTime } from "@/components/ui/RelativeTime";

/** A person's decision on a gate, in the feed beside the checkpoints that led to it. */
export function GateDecisionCard({ gate }: { gate: GateDecision }) {
  const person = gate.by.replace(/^person:/, "");
  const approved = gate.decision === "approve";
  return (
    <article aria-label={`${person} ${approved ? "approved" : "rejected"} ${gate.title}`} className="px-3 py-3">
      <header className="flex flex-wrap items-center gap-2 text-sm">
        <span
          className={`rounded px-1.5 py-0.5 text-xs font-medium ${approved ? "bg-emerald-100 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-300" : "bg-red-100 text-red-900 dark:bg-red-950 dark:text-red-300"}`}
        >
          gate
        </span>
        <span>
          <span className="font-semibold">{person}</span> {approved ? "approved" : "rejected"}{" "}
          <Link href={`/approvals/${encodeURIComponent(gate.approvalId)}`} className="font-medium underline-offset-2 hover:underline">
            {gate.title}
          </Link>{" "}
          <span className="text-zinc-500 dark:text-zinc-400">({gate.phaseName})</span>
        </span>
        <span className="ml-auto text-xs text-zinc-500 dark:text-zinc-400">
          <RelativeTime iso={gate.at} />
        </span>
      </header>
      {gate.comment && <p className="mt-1 text-sm whitespace-pre-wrap break-words text-zinc-700 dark:text-zinc-300">“{gate.comment}”</p>}
    </article>
  );
}
