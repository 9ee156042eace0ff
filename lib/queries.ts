"use client";
// Query keys and one hook per query; the live stream patches these same cache entries.
import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { apiFetch } from "@/lib/api-client";
import type { TaskDetail, TaskSummary } from "@/lib/server/tasks/task-view";
import type { CheckpointView } from "@/lib/server/checkpoints/checkpoint-view";

export type TaskFilters = { q?: string; status?: string };
export type CheckpointPage = { items: CheckpointView[]; nextBefore: number | null; total: number };

export const taskKeys = {
  all: ["tasks"] as const,
  list: (filters: TaskFilters) => ["tasks", "list", filters] as const,
  detail: (key: string) => ["tasks", "detail", key] as const,
  checkpoints: (key: string) => ["tasks", "checkpoints", key] as const,
};

export function useTaskList(filters: TaskFilters) {
  const params = new URLSearchParams({ limit: "200" });
  if (filters.q) params.set("q", filters.q);
  if (filters.status) params.set("status", filters.status);
  return useQuery({
    queryKey: taskKeys.list(filters),
    queryFn: () => apiFetch<{ items: TaskSummary[]; nextCursor: string | null }>(`/tasks?${params}`),
  });
}

export function useTask(key: string) {
  return useQuery({ queryKey: taskKeys.detail(key), queryFn: () => apiFetch<TaskDetail>(`/tasks/${encodeURIComponent(key)}`) });
}

export const CHECKPOINT_PAGE_SIZE = 100;

export function useCheckpoints(key: string) {
  return useInfiniteQuery({
    queryKey: taskKeys.checkpoints(key),
    initialPageParam: null as number | null,
    queryFn: ({ pageParam }) =>
      apiFetch<CheckpointPage>(
        `/tasks/${encodeURIComponent(key)}/checkpoints?limit=${CHECKPOINT_PAGE_SIZE}${pageParam ? `&before=${pageParam}` : ""}`,
      ),
    getNextPageParam: (last) => last.nextBefore,
  });
}
