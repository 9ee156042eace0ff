"use client";

import Link from "next/link";
import { useTaskList } from "@/lib/queries";
import { useLiveEvents } from "@/lib/live";
import { LiveIndicator } from "@/components/ui/LiveIndicator";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { StatusBadge } from "@/components/ui/StatusBadge";

export function TaskOverview() {
  const live = useLiveEvents();
  const { data, isPending, error } = useTaskList({});
  return (
    <section aria-labelledby="tasks-heading">
      <div className="mb-4 flex items-center justify-between">
        <h1 id="tasks-heading" className="text-xl font-semibold tracking-tight">
          Tasks
        </h1>
        <LiveIndicator state={live} />
      </div>
      {isPending && <p className="text-sm text-zinc-500">Loading tasks…</p>}
      {error && <p role="alert" className="text-sm text-red-600">{error.message}</p>}
      {data && data.items.length === 0 && (
        <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No tasks yet. Create one with <code className="font-mono">PUT /api/v1/tasks/&#123;key&#125;</code>.
        </p>
      )}
      <ul className="divide-y divide-zinc-200 overflow-hidden rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
        {data?.items.map((task) => (
          <li key={task.key}>
            <Link href={`/tasks/${task.key}`} className="block px-4 py-3 hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
              <div className="flex items-center gap-3">
                <span className="truncate font-medium">{task.title}</span>
                <StatusBadge status={task.status} />
                <span className="ml-auto text-xs text-zinc-500">
                  <RelativeTime iso={task.lastActivityAt} />
                </span>
              </div>
              <div className="mt-2 flex items-center gap-3">
                <ProgressBar percent={task.progress.percent} label={`${task.title} progress`} />
                <span className="w-12 text-right text-xs tabular-nums text-zinc-600 dark:text-zinc-400">{task.progress.percent}%</span>
              </div>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
