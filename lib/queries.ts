"use client";
// Query keys and one hook per query; the live stream patches these same cache entries.
import { keepPreviousData, useInfiniteQuery, useQuery, infiniteQueryOptions, usePrefetchInfiniteQuery } from "@tanstack/react-query";
import { apiFetch, apiText } from "@/lib/api-client";
import type { TaskDetail, TaskSummary } from "@/lib/server/tasks/task-view";
import type { BlockerView } from "@/lib/server/blockers/blocker-view";
import type { CheckpointView } from "@/lib/server/checkpoints/checkpoint-view";
import type { HandoffView } from "@/lib/server/handoffs/handoff-view";
import type { TaskTimeline } from "@/lib/server/timeline/load-task-timeline";

export type TaskFilters = { q?: string; status?: string };
export type CheckpointPage = { items: CheckpointView[]; nextBefore: number | null; total: number };

export const taskKeys = {
  all: ["tasks"] as const,
  lists: ["tasks", "list"] as const,
  list: (filters: TaskFilters) => ["tasks", "list", filters] as const,
  detail: (key: string) => ["tasks", "detail", key] as const,
  checkpoints: (key: string) => ["tasks", "checkpoints", key] as const,
  blockers: (key: string) => ["tasks", "blockers", key] as const,
  handoffs: (key: string) => ["tasks", "handoffs", key] as const,
  timeline: (key: string) => ["tasks", "timeline", key] as const,
  brief: (key: string) => ["tasks", "brief", key] as const,
};

const taskPath = (key: string) => `/tasks/${encodeURIComponent(key)}`;

export const TASK_PAGE_SIZE = 100;

export type TaskPage = { items: TaskSummary[]; nextCursor: string | null };

/** The overview, paged from the server by cursor; search and status filter are applied there too. */
export function useTaskList(filters: TaskFilters) {
  return useInfiniteQuery({
    queryKey: taskKeys.list(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const params = new URLSearchParams({ limit: String(TASK_PAGE_SIZE) });
      if (filters.q) params.set("q", filters.q);
      if (filters.status) params.set("status", filters.status);
      if (pageParam) params.set("cursor", pageParam);
      return apiFetch<TaskPage>(`/tasks?${params}`);
    },
    getNextPageParam: (last: TaskPage) => last.nextCursor,
    placeholderData: keepPreviousData,
  });
}

export function useTask(key: string) {
  return useQuery({ queryKey: taskKeys.detail(key), queryFn: () => apiFetch<TaskDetail>(taskPath(key)) });
}

export const CHECKPOINT_PAGE_SIZE = 100;

const checkpointsQuery = (key: string) =>
  infiniteQueryOptions({
    queryKey: taskKeys.checkpoints(key),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      apiFetch<CheckpointPage>(`${taskPath(key)}/checkpoints?limit=${CHECKPOINT_PAGE_SIZE}${pageParam ? `&before=${pageParam}` : ""}`),
    getNextPageParam: (last: CheckpointPage) => last.nextBefore,
  });

export function useCheckpoints(key: string) {
  return useInfiniteQuery(checkpointsQuery(key));
}

/** Starts the feed's first page at once, alongside the task, instead of after it. */
export function usePrefetchCheckpoints(key: string) {
  usePrefetchInfiniteQuery(checkpointsQuery(key));
}

export function useBlockers(key: string) {
  return useQuery({ queryKey: taskKeys.blockers(key), queryFn: () => apiFetch<{ items: BlockerView[] }>(`${taskPath(key)}/blockers`) });
}

export function useHandoffs(key: string) {
  return useQuery({ queryKey: taskKeys.handoffs(key), queryFn: () => apiFetch<{ items: HandoffView[] }>(`${taskPath(key)}/handoffs`) });
}

export function useTimeline(key: string) {
  return useQuery({ queryKey: taskKeys.timeline(key), queryFn: () => apiFetch<TaskTimeline>(`${taskPath(key)}/timeline`) });
}

export function useBrief(key: string) {
  return useQuery({ queryKey: taskKeys.brief(key), queryFn: () => apiText(`${taskPath(key)}/brief`), retry: false });
}

export function progressJsonUrl(key: string): string {
  return `/api/v1${taskPath(key)}/progress.json`;
}
