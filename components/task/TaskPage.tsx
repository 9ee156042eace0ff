"use client";

import { useTask } from "@/lib/queries";
import { useLiveEvents } from "@/lib/live";
import { LiveIndicator } from "@/components/ui/LiveIndicator";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { PhaseList } from "@/components/task/PhaseList";
import { CheckpointList } from "@/components/task/CheckpointList";

export function TaskPage({ taskKey }: { taskKey: string }) {
  const live = useLiveEvents(taskKey);
  const { data: task, isPending, error } = useTask(taskKey);
  if (isPending) return <p className="text-sm text-zinc-500">Loading task…</p>;
  if (error) return <p role="alert" className="text-sm text-red-600">{error.message}</p>;
  return (
    <div className="flex flex-col gap-6">
      <header className="flex flex-col gap-3">
        <div className="flex flex-wrap items-center gap-3">
          <h1 className="text-xl font-semibold tracking-tight">{task.title}</h1>
          <StatusBadge status={task.status} />
          <span className="ml-auto">
            <LiveIndicator state={live} />
          </span>
        </div>
        <div className="flex items-center gap-3">
          <ProgressBar percent={task.progress.percent} label="Task progress" />
          <span className="text-sm font-medium tabular-nums" data-testid="task-percent">
            {task.progress.percent}%
          </span>
        </div>
        <p className="text-xs text-zinc-500">
          <span className="font-mono">{task.key}</span> · last activity <RelativeTime iso={task.lastActivityAt} />
        </p>
      </header>
      <div className="grid gap-6 lg:grid-cols-[20rem_1fr]">
        <PhaseList phases={task.phases} />
        <CheckpointList taskKey={task.key} />
      </div>
    </div>
  );
}
