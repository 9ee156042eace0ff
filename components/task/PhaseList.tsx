import type { PhaseView } from "@/lib/server/tasks/task-view";
import { StatusBadge } from "@/components/ui/StatusBadge";

export function PhaseList({ phases }: { phases: PhaseView[] }) {
  return (
    <section aria-labelledby="phases-heading">
      <h2 id="phases-heading" className="mb-2 text-sm font-semibold text-zinc-600 dark:text-zinc-400">
        Phases
      </h2>
      {phases.length === 0 && <p className="text-sm text-zinc-500">No phases declared.</p>}
      <ol className="flex flex-col gap-2">
        {phases.map((phase) => (
          <li key={phase.key} className="rounded-lg border border-zinc-200 bg-white p-3 dark:border-zinc-800 dark:bg-zinc-900">
            <div className="flex items-center gap-2">
              <span className="truncate text-sm font-medium">{phase.name}</span>
              <span className="ml-auto">
                <StatusBadge status={phase.status} />
              </span>
            </div>
            {phase.progress && (
              <p className="mt-1 text-xs tabular-nums text-zinc-500">
                {phase.progress.current.toLocaleString("en")}
                {phase.progress.total ? ` / ${phase.progress.total.toLocaleString("en")}` : ""} {phase.progress.unit ?? ""}
                {phase.progress.percent !== null ? ` · ${phase.progress.percent}%` : ""}
              </p>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}
