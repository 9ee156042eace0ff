"use client";
// One EventSource per page feeding TanStack Query's cache; the browser reconnects
// with Last-Event-ID, and on every (re)connect we refetch to cover any gap.
import { useQueryClient, type InfiniteData, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { taskKeys, type CheckpointPage } from "@/lib/queries";
import type { CheckpointView } from "@/lib/server/checkpoints/checkpoint-view";

export type LiveState = "connecting" | "live" | "reconnecting";

type LiveEvent = { seq: number; type: string; taskKey: string | null; payload: Record<string, unknown> };

const EVENT_TYPES = [
  "task.updated",
  "phase.updated",
  "checkpoint.created",
  "blocker.opened",
  "blocker.resolved",
  "approval.requested",
  "approval.decided",
  "approval.expired",
  "handoff.created",
];

export function useLiveEvents(taskKey?: string): LiveState {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>("connecting");

  useEffect(() => {
    const source = new EventSource(`/api/v1/events${taskKey ? `?task=${encodeURIComponent(taskKey)}` : ""}`);
    source.onopen = () => {
      setState("live");
      void queryClient.invalidateQueries({ queryKey: taskKeys.all });
    };
    source.onerror = () => setState("reconnecting");
    const onEvent = (message: MessageEvent<string>) => applyEvent(queryClient, JSON.parse(message.data) as LiveEvent);
    for (const type of EVENT_TYPES) source.addEventListener(type, onEvent);
    return () => source.close();
  }, [queryClient, taskKey]);

  return state;
}

/** Refetch without cancelling a fetch already in flight, so a burst of events cannot starve a query. */
function refresh(queryClient: QueryClient, queryKey: QueryKey) {
  void queryClient.invalidateQueries({ queryKey }, { cancelRefetch: false });
}

function applyEvent(queryClient: QueryClient, event: LiveEvent) {
  refresh(queryClient, taskKeys.lists);
  const key = event.taskKey;
  if (!key) return;
  refresh(queryClient, taskKeys.detail(key));
  refresh(queryClient, taskKeys.brief(key));
  if (event.type === "checkpoint.created") {
    prependCheckpoint(queryClient, key, event.payload.checkpoint as CheckpointView);
    refresh(queryClient, taskKeys.timeline(key));
  }
  if (event.type.startsWith("blocker.")) refresh(queryClient, taskKeys.blockers(key));
  if (event.type === "handoff.created") refresh(queryClient, taskKeys.handoffs(key));
}

function prependCheckpoint(queryClient: QueryClient, key: string, checkpoint: CheckpointView) {
  queryClient.setQueryData<InfiniteData<CheckpointPage, number | null>>(taskKeys.checkpoints(key), (data) => {
    if (!data || data.pages.length === 0) return data;
    const [first, ...rest] = data.pages;
    if (first.items.some((item) => item.seq >= checkpoint.seq)) return data;
    return { ...data, pages: [{ ...first, items: [checkpoint, ...first.items], total: Math.max(first.total, checkpoint.seq) }, ...rest] };
  });
}
