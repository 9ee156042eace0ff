import type { HandoffView } from "@/lib/server/handoffs/handoff-view";
import { Markdown } from "@/components/ui/Markdown";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { AgentRoute } from "@/components/timeline/AgentRoute";

const SECTIONS = [
  ["complete", "What's complete"],
  ["needed", "What's needed"],
  ["nextSteps", "Next steps"],
] as const;

export function HandoffCard({ handoff }: { handoff: HandoffView }) {
  return (
    <article aria-label={`Handoff from ${handoff.from} to ${handoff.to}`} className="px-3 py-3">
      <header className="flex flex-wrap items-center gap-2 text-sm">
        <span className="rounded bg-violet-100 px-1.5 py-0.5 text-xs font-medium text-violet-800 dark:bg-violet-950 dark:text-violet-300">handoff</span>
        <AgentRoute from={handoff.from} to={handoff.to} />
        <span className="ml-auto text-xs text-zinc-500 dark:text-zinc-400">
          <RelativeTime iso={handoff.createdAt} />
        </span>
      </header>
      <div className="mt-2 grid gap-x-4 gap-y-2 sm:grid-cols-3">
        {SECTIONS.filter(([field]) => handoff[field].length > 0).map(([field, title]) => (
          <div key={field}>
            <h4 className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{title}</h4>
            <ul className="list-disc pl-4 text-xs text-zinc-700 dark:text-zinc-300">
              {handoff[field].map((entry, i) => (
                <li key={i}>{entry}</li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      {handoff.body && (
        <div className="mt-2">
          <Markdown>{handoff.body}</Markdown>
        </div>
      )}
    </article>
  );
}
