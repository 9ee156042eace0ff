import Link from "next/link";
import { CircleAlert, ShieldQuestion } from "lucide-react";
import type { TaskSummary } from "@/lib/server/tasks/task-view";
import { formatProgress } from "@/lib/format/numbers";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { StatusBadge } from "@/components/ui/StatusBadge";

export function TaskRow({ task }: { task: TaskSummary }) {
  const phase = task.currentPhase;
  const { openBlockers, pendingApprovals } = task.counts;
  return (
    <Link
      href={`/tasks/${task.key}`}
      data-task-row
      className="group block px-4 py-3 hover:bg-zinc-50 focus-visible:bg-zinc-50 focus-visible:outline-offset-[-2px] dark:hover:bg-zinc-800/50 dark:focus-visible:bg-zinc-800/50"
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="min-w-0 truncate font-medium">{task.title}</span>
        <StatusBadge status={task.status} />
        {openBlockers > 0 && (
          <span className="inline-flex items-center gap-1 rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-red-700 dark:bg-red-950 dark:text-red-300">
            <CircleAlert className="h-3 w-3" aria-hidden />
            {openBlockers} open {openBlockers === 1 ? "blocker" : "blockers"}
          </span>
        )}
        {pendingApprovals > 0 && (
          <span className="inline-flex items-center gap-1 rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-amber-800 dark:bg-amber-950 dark:text-amber-300">
            <ShieldQuestion className="h-3 w-3" aria-hidden />
            {pendingApprovals} pending {pendingApprovals === 1 ? "approval" : "approvals"}
          </span>
        )}
        <span className="ml-auto text-xs text-zinc-500 dark:text-zinc-400">
          <RelativeTime iso={task.lastActivityAt} />
        </span>
      </div>
      <div className="mt-2 flex items-center gap-3">
        <ProgressBar percent={task.progress.percent} label={`${task.title} progress`} />
        <span className="w-12 shrink-0 text-right text-xs font-medium tabular-nums text-zinc-700 dark:text-zinc-300">{task.progress.percent}%</span>
      </div>
      <div className="mt-1.5 flex flex-wrap items-center gap-x-2 text-xs text-zinc-500 dark:text-zinc-400">
        <span className="font-mono">{task.key}</span>
        <span aria-hidden>·</span>
        {phase ? (
          <span>
            <span className="text-zinc-700 dark:text-zinc-300">{phase.name}</span>
            {phase.progress && <span className="tabular-nums"> — {formatProgress(phase.progress)}</span>}
          </span>
        ) : (
          <span>
            {task.progress.phasesDone} / {task.progress.phasesTotal} phases
          </span>
        )}
      </div>
    </Link>
  );
}

export function TaskRowSkeleton() {
  return (
    <div className="flex flex-col gap-2 px-4 py-3">
      <div className="flex items-center gap-3">
        <div className="h-4 w-48 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
        <div className="h-4 w-14 animate-pulse rounded-full bg-zinc-200 dark:bg-zinc-800" />
      </div>
      <div className="h-1.5 w-full animate-pulse rounded-full bg-zinc-200 dark:bg-zinc-800" />
      <div className="h-3 w-64 animate-pulse rounded bg-zinc-200 dark:bg-zinc-800" />
    </div>
  );
}
