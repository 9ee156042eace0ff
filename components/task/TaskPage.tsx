"use client";

import { useDeferredValue, useMemo } from "react";
import { useHandoffs, usePrefetchCheckpoints, useTask, useTimeline } from "@/lib/queries";
import { useLiveState } from "@/lib/live";
import { estimateEta } from "@/lib/format/eta";
import { Panel } from "@/components/ui/Panel";
import { Skeleton } from "@/components/ui/Skeleton";
import { useNow } from "@/components/ui/RelativeTime";
import { BurnUpChart } from "@/components/charts/BurnUpChart";
import { MetricsCharts } from "@/components/charts/MetricsCharts";
import { CheckpointFeed } from "@/components/timeline/CheckpointFeed";
import { AgentLanes } from "@/components/task/AgentLanes";
import { BlockersPanel } from "@/components/task/BlockersPanel";
import { BriefPanel } from "@/components/task/BriefPanel";
import { HandoffsPanel } from "@/components/task/HandoffsPanel";
import { PhaseStepper } from "@/components/task/PhaseStepper";
import { TaskHeader } from "@/components/task/TaskHeader";
import { ApprovalPanel } from "@/components/approvals/ApprovalPanel";
import { useApprovals } from "@/components/approvals/queries";
import { gateDecisions } from "@/lib/timeline/feed-items";

/** `viewer`: the logged-in person as approval decisions name them (`person:<name>`). */
export function TaskPage({ taskKey, viewer }: { taskKey: string; viewer: string }) {
  const live = useLiveState();
  usePrefetchCheckpoints(taskKey);
  const { data: task, isPending, error } = useTask(taskKey);
  // Charts render at low priority so the feed and header show first on a large task.
  const { data: liveTimeline } = useTimeline(taskKey);
  const timeline = useDeferredValue(liveTimeline);
  const { data: handoffData } = useHandoffs(taskKey);
  const handoffs = useMemo(() => handoffData?.items ?? [], [handoffData]);
  const { data: approvalData } = useApprovals({ task: taskKey });
  const gates = useMemo(() => gateDecisions(approvalData?.items ?? []), [approvalData]);
  const now = useNow();

  const current = task?.currentPhase ?? null;
  const eta = useMemo(() => {
    if (!current?.progress || !timeline || now === null) return null;
    const series = timeline.progress.find((s) => s.phase === current.key);
    if (!series) return null;
    const samples = series.points.map((p) => ({ at: Date.parse(p.at), current: p.current }));
    return estimateEta({ samples, total: current.progress.total, unit: current.progress.unit, now });
  }, [current, timeline, now]);

  if (isPending) return <TaskPageSkeleton />;
  if (error) {
    return (
      <p role="alert" className="text-sm text-red-600 dark:text-red-400">
        {error.message}
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-5">
      <TaskHeader task={task} eta={eta} live={live} />
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel id="burnup-heading" title="Progress over time">
          {timeline ? (
            <BurnUpChart series={timeline.progress} phases={task.phases} projection={eta && current ? { phase: current.key, eta } : null} />
          ) : (
            <Skeleton className="h-56 w-full" />
          )}
        </Panel>
        <Panel id="metrics-heading" title="Metrics">
          {timeline ? <MetricsCharts metrics={timeline.metrics} /> : <Skeleton className="h-40 w-full" />}
        </Panel>
      </div>
      <ApprovalPanel taskKey={task.key} viewer={viewer} />
      <AgentLanes phases={task.phases} handoffs={handoffs} />
      <div className="grid items-start gap-4 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <CheckpointFeed taskKey={task.key} handoffs={handoffs} gates={gates} />
        <div className="flex min-w-0 flex-col gap-4">
          <PhaseStepper phases={task.phases} verification={timeline?.verification} />
          <BlockersPanel taskKey={task.key} />
          <HandoffsPanel handoffs={handoffs} />
          <BriefPanel taskKey={task.key} />
        </div>
      </div>
    </div>
  );
}

function TaskPageSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading task" className="flex flex-col gap-5">
      <Skeleton className="h-3 w-32" />
      <Skeleton className="h-7 w-80 max-w-full" />
      <Skeleton className="h-2 w-full" />
      <div className="grid gap-4 lg:grid-cols-2">
        <Skeleton className="h-64 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
      <Skeleton className="h-96 w-full" />
    </div>
  );
}
