// One column per agent; each handoff is a row with an arrow drawn from its sender's lane to its receiver's.
import type { HandoffView } from "@/lib/server/handoffs/handoff-view";
import type { PhaseView } from "@/lib/schemas/phase";
import { buildLanes } from "@/lib/timeline/lanes";
import { Panel } from "@/components/ui/Panel";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { StatusBadge } from "@/components/ui/StatusBadge";

export function AgentLanes({ phases, handoffs }: { phases: PhaseView[]; handoffs: HandoffView[] }) {
  const { lanes, handoffs: links } = buildLanes(phases, handoffs);
  if (lanes.length < 2 && links.length === 0) return null;
  const columns = { gridTemplateColumns: `repeat(${lanes.length}, minmax(11rem, 1fr))` };
  return (
    <Panel id="lanes-heading" title="Lanes">
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Agent lanes">
        <div className="grid gap-x-3 gap-y-2" style={columns}>
          {lanes.map((lane) => (
            <section key={lane.agent} aria-label={`Lane ${lane.agent}`} className="rounded-md bg-zinc-50 p-2 dark:bg-zinc-800/40" data-testid="lane">
              <h3 className="truncate font-mono text-xs font-semibold">{lane.agent}</h3>
              <ul className="mt-1.5 flex flex-col gap-1">
                {lane.phases.map((phase) => (
                  <li key={phase.key} className="flex items-center gap-1.5 text-xs">
                    <span className="min-w-0 truncate">{phase.name}</span>
                    <span className="ml-auto">
                      <StatusBadge status={phase.status} />
                    </span>
                  </li>
                ))}
                {lane.phases.length === 0 && <li className="text-xs text-zinc-500 dark:text-zinc-400">no phases</li>}
              </ul>
            </section>
          ))}
          {links.map(({ handoff, from, to }) => {
            const left = Math.min(from, to);
            const right = Math.max(from, to);
            const rightward = to >= from;
            return (
              <div
                key={handoff.id}
                className="flex flex-col text-xs"
                style={{ gridColumn: `${left + 1} / ${right + 2}` }}
                aria-label={`Handoff from ${handoff.from} to ${handoff.to}`}
                role="group"
              >
                <div className={`flex items-center ${rightward ? "" : "flex-row-reverse"}`}>
                  <span aria-hidden className="h-2 w-2 shrink-0 rounded-full bg-violet-500" />
                  <span aria-hidden className="h-px flex-1 bg-violet-400" />
                  <span aria-hidden className={`h-0 w-0 border-y-4 border-y-transparent ${rightward ? "border-l-[6px] border-l-violet-500" : "border-r-[6px] border-r-violet-500"}`} />
                </div>
                <p className="mt-0.5 truncate text-center text-zinc-600 dark:text-zinc-400">
                  {handoff.from} → {handoff.to} · {handoff.needed.length} needed · <RelativeTime iso={handoff.createdAt} />
                </p>
              </div>
            );
          })}
        </div>
      </div>
    </Panel>
  );
}
