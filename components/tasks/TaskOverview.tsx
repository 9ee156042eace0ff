"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { useTaskList } from "@/lib/queries";
import { useLiveState } from "@/lib/live";
import { LiveIndicator } from "@/components/ui/LiveIndicator";
import { EmptyOverview } from "@/components/tasks/EmptyOverview";
import { TaskFilters } from "@/components/tasks/TaskFilters";
import { TaskList } from "@/components/tasks/TaskList";
import { TaskRowSkeleton } from "@/components/tasks/TaskRow";

export function TaskOverview() {
  const live = useLiveState();
  const searchParams = useSearchParams();
  const q = searchParams.get("q") ?? "";
  const status = searchParams.get("status") ?? "";
  const { data, isPending, error, hasNextPage, isFetchingNextPage, fetchNextPage } = useTaskList({ q: q || undefined, status: status || undefined });
  const tasks = useMemo(() => data?.pages.flatMap((page) => page.items) ?? [], [data]);
  const loadMore = useCallback(() => void fetchNextPage(), [fetchNextPage]);
  const filtered = q !== "" || status !== "";

  return (
    <section aria-labelledby="tasks-heading">
      <div className="mb-4 flex items-center justify-between gap-3">
        <h1 id="tasks-heading" className="text-xl font-semibold tracking-tight">
          Tasks
        </h1>
        <LiveIndicator state={live} />
      </div>
      <TaskFilters q={q} status={status} />
      {error && (
        <p role="alert" className="text-sm text-red-600 dark:text-red-400">
          {error.message}
        </p>
      )}
      {isPending && (
        <div aria-busy="true" aria-label="Loading tasks" className="divide-y divide-zinc-200 rounded-lg border border-zinc-200 bg-white dark:divide-zinc-800 dark:border-zinc-800 dark:bg-zinc-900">
          {Array.from({ length: 4 }, (_, i) => (
            <TaskRowSkeleton key={i} />
          ))}
        </div>
      )}
      {data && tasks.length === 0 && !filtered && <EmptyOverview />}
      {data && tasks.length === 0 && filtered && (
        <p className="rounded-lg border border-dashed border-zinc-300 p-6 text-sm text-zinc-600 dark:border-zinc-700 dark:text-zinc-400">
          No task matches these filters.{" "}
          <Link href="/" className="font-medium text-sky-700 underline dark:text-sky-400">
            Clear filters
          </Link>
        </p>
      )}
      {tasks.length > 0 && (
        <>
          <TaskList tasks={tasks} hasMore={hasNextPage} loadingMore={isFetchingNextPage} loadMore={loadMore} />
          <p className="mt-2 hidden text-xs text-zinc-500 sm:block dark:text-zinc-400">
            <kbd className="font-mono">j</kbd>/<kbd className="font-mono">k</kbd> to move, <kbd className="font-mono">Enter</kbd> to open,{" "}
            <kbd className="font-mono">/</kbd> to search
          </p>
        </>
      )}
    </section>
  );
}
