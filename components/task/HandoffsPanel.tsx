import type { HandoffView } from "@/lib/server/handoffs/handoff-view";
import { Panel } from "@/components/ui/Panel";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { AgentRoute } from "@/components/timeline/AgentRoute";

export function HandoffsPanel({ handoffs }: { handoffs: HandoffView[] }) {
  return (
    <Panel id="handoffs-heading" title="Handoffs">
      {handoffs.length === 0 && <p className="text-sm text-zinc-500 dark:text-zinc-400">No handoffs between agents yet.</p>}
      <ol className="flex flex-col gap-2">
        {[...handoffs].reverse().map((handoff) => (
          <li key={handoff.id} className="text-sm" data-testid="handoff">
            <div className="flex flex-wrap items-center gap-1.5">
              <AgentRoute from={handoff.from} to={handoff.to} small />
              <span className="ml-auto text-xs text-zinc-500 dark:text-zinc-400">
                <RelativeTime iso={handoff.createdAt} />
              </span>
            </div>
            {handoff.nextSteps.length > 0 && (
              <p className="mt-0.5 text-xs text-zinc-600 dark:text-zinc-400">Next: {handoff.nextSteps.join("; ")}</p>
            )}
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              {handoff.complete.length} complete · {handoff.needed.length} needed
            </p>
          </li>
        ))}
      </ol>
    </Panel>
  );
}
