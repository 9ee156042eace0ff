"use client";

import Link from "next/link";
import { Download, ShieldQuestion } from "lucide-react";
import type { TaskDetail } from "@/lib/server/tasks/task-view";
import type { Eta } from "@/lib/format/eta";
import type { LiveState } from "@/lib/live";
import { progressJsonUrl } from "@/lib/queries";
import { LiveIndicator } from "@/components/ui/LiveIndicator";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { StatusBadge } from "@/components/ui/StatusBadge";

export function TaskHeader({ task, eta, live }: { task: TaskDetail; eta: Eta | null; live: LiveState }) {
  return (
    <header className="flex flex-col gap-3">
      <nav aria-label="Breadcrumb" className="text-xs text-zinc-500 dark:text-zinc-400">
        <Link href="/" className="hover:text-zinc-900 dark:hover:text-zinc-100">
          Tasks
        </Link>{" "}
        / <span className="font-mono">{task.key}</span>
      </nav>
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="min-w-0 text-xl font-semibold tracking-tight break-words">{task.title}</h1>
        <StatusBadge status={task.status} />
        <div className="ml-auto flex items-center gap-2">
          <a
            href={progressJsonUrl(task.key)}
            download={`${task.key}.progress.json`}
            className="inline-flex items-center gap-1.5 rounded-md border border-zinc-200 bg-white px-2 py-1 text-xs font-medium text-zinc-700 hover:bg-zinc-50 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-300 dark:hover:bg-zinc-800"
          >
            <Download className="h-3.5 w-3.5" aria-hidden />
            progress.json
          </a>
          <LiveIndicator state={live} />
        </div>
      </div>
      {task.description && <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">{task.description}</p>}
      <div className="flex items-center gap-3">
        <ProgressBar percent={task.progress.percent} label="Task progress" />
        <span className="shrink-0 text-lg font-semibold tabular-nums" data-testid="task-percent">
          {task.progress.percent}%
        </span>
      </div>
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-xs text-zinc-500 dark:text-zinc-400">
        <div className="flex gap-1">
          <dt>Phases</dt>
          <dd className="tabular-nums text-zinc-800 dark:text-zinc-200">
            {task.progress.phasesDone} / {task.progress.phasesTotal}
          </dd>
        </div>
        {task.currentPhase && (
          <div className="flex gap-1">
            <dt>Current</dt>
            <dd className="text-zinc-800 dark:text-zinc-200">{task.currentPhase.name}</dd>
          </div>
        )}
        <div className="flex gap-1">
          <dt>ETA</dt>
          <dd className="text-zinc-800 dark:text-zinc-200" data-testid="task-eta">
            {eta ? eta.label : "—"}
          </dd>
        </div>
        <div className="flex gap-1">
          <dt>Started</dt>
          <dd className="text-zinc-800 dark:text-zinc-200">{task.startedAt ? <RelativeTime iso={task.startedAt} /> : "not yet"}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Last activity</dt>
          <dd className="text-zinc-800 dark:text-zinc-200">
            <RelativeTime iso={task.lastActivityAt} />
          </dd>
        </div>
        <div className="flex gap-1">
          <dt>Checkpoints</dt>
          <dd className="tabular-nums text-zinc-800 dark:text-zinc-200">{task.counts.checkpoints.toLocaleString("en")}</dd>
        </div>
      </dl>
      {task.pendingApprovals.length > 0 && (
        <div role="note" className="flex flex-wrap items-center gap-2 rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-900 dark:bg-amber-950 dark:text-amber-200">
          <ShieldQuestion className="h-4 w-4 shrink-0" aria-hidden />
          <span>
            Waiting for you: {task.pendingApprovals.map((approval) => `${approval.title} (${approval.phase})`).join(", ")}
          </span>
          <Link href="/approvals" className="ml-auto font-medium underline underline-offset-2">
            Review
          </Link>
        </div>
      )}
    </header>
  );
}
