"use client";
// One EventSource for the whole dashboard, feeding TanStack Query's cache. The browser reconnects with
// Last-Event-ID on its own, and on every (re)connect we refetch to cover any gap. Features that need
// more than cache updates (browser notifications) subscribe to events with useLiveEvent.
import { useQueryClient, type InfiniteData, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from "react";
import { taskKeys, type CheckpointPage } from "@/lib/queries";
import { eventSchema, eventTypes, type BatonEvent } from "@/lib/schemas/event";

export type LiveState = "connecting" | "live" | "reconnecting" | "off";

export type LiveEvent = BatonEvent;

type Listener = (event: LiveEvent) => void;

type LiveContext = { state: LiveState; subscribe: (listener: Listener) => () => void };

const Live = createContext<LiveContext>({ state: "off", subscribe: () => () => {} });

export function LiveEventsProvider({ enabled, children }: { enabled: boolean; children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<LiveState>(enabled ? "connecting" : "off");
  const listeners = useRef(new Set<Listener>());
  const [context] = useState(() => ({
    subscribe: (listener: Listener) => {
      listeners.current.add(listener);
      return () => listeners.current.delete(listener);
    },
  }));

  useEffect(() => {
    if (!enabled) return;
    const source = new EventSource("/api/v1/events");
    source.onopen = () => {
      setState("live");
      void queryClient.invalidateQueries();
    };
    source.onerror = () => setState("reconnecting");
    const onEvent = (message: MessageEvent<string>) => {
      const parsed = eventSchema.safeParse(JSON.parse(message.data));
      // An event this page does not know (a newer server): refetch everything rather than guess.
      if (!parsed.success) return void queryClient.invalidateQueries();
      applyEvent(queryClient, parsed.data);
      listeners.current.forEach((listener) => listener(parsed.data));
    };
    for (const type of eventTypes) source.addEventListener(type, onEvent);
    return () => source.close();
  }, [enabled, queryClient]);

  return <Live.Provider value={{ state, subscribe: context.subscribe }}>{children}</Live.Provider>;
}

/** Whether the dashboard's event stream is connected. */
export function useLiveState(): LiveState {
  return useContext(Live).state;
}

/** Calls `handler` for every live event of the given types (the handler may change between renders). */
export function useLiveEvent(types: readonly BatonEvent["type"][], handler: Listener): void {
  const { subscribe } = useContext(Live);
  const latest = useRef(handler);
  useEffect(() => {
    latest.current = handler;
  });
  const typeList = types.join(",");
  useEffect(() => {
    const wanted = new Set(typeList.split(","));
    return subscribe((event) => {
      if (wanted.has(event.type)) latest.current(event);
    });
  }, [subscribe, typeList]);
}

const queuedRefreshes = new Set<string>();

/**
 * Refetches a query with a fetch that starts after the event that asked for it: an in-flight fetch may
 * predate the event, so wait for it instead of cancelling it (a burst must not starve the query), and
 * let every event that arrives meanwhile share the one queued refetch.
 */
export async function refreshQuery(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  const id = JSON.stringify(queryKey);
  if (queuedRefreshes.has(id)) return;
  queuedRefreshes.add(id);
  await whenIdle(queryClient, queryKey);
  queuedRefreshes.delete(id);
  await queryClient.invalidateQueries({ queryKey }, { cancelRefetch: false });
}

function whenIdle(queryClient: QueryClient, queryKey: QueryKey): Promise<void> {
  if (queryClient.isFetching({ queryKey }) === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribe = queryClient.getQueryCache().subscribe(() => {
      if (queryClient.isFetching({ queryKey }) > 0) return;
      unsubscribe();
      resolve();
    });
  });
}

function refresh(queryClient: QueryClient, queryKey: QueryKey) {
  void refreshQuery(queryClient, queryKey);
}

function applyEvent(queryClient: QueryClient, event: LiveEvent) {
  refresh(queryClient, taskKeys.lists);
  const key = event.taskKey;
  if (!key) return;
  refresh(queryClient, taskKeys.detail(key));
  refresh(queryClient, taskKeys.brief(key));
  if (event.type === "checkpoint.created") {
    // A fetch in flight may have started before this checkpoint was committed: refetch after it.
    const feed = queryClient.getQueryState(taskKeys.checkpoints(key));
    if (feed?.data) prependCheckpoint(queryClient, key, event.payload.checkpoint);
    if (!feed?.data || feed.fetchStatus === "fetching") refresh(queryClient, taskKeys.checkpoints(key));
    refresh(queryClient, taskKeys.timeline(key));
  }
  if (event.type.startsWith("blocker.")) refresh(queryClient, taskKeys.blockers(key));
  if (event.type === "handoff.created") refresh(queryClient, taskKeys.handoffs(key));
}

function prependCheckpoint(queryClient: QueryClient, key: string, checkpoint: CheckpointPage["items"][number]) {
  queryClient.setQueryData<InfiniteData<CheckpointPage, number | null>>(taskKeys.checkpoints(key), (data) => {
    if (!data || data.pages.length === 0) return data;
    const [first, ...rest] = data.pages;
    if (first.items.some((item) => item.seq >= checkpoint.seq)) return data;
    return { ...data, pages: [{ ...first, items: [checkpoint, ...first.items], total: Math.max(first.total, checkpoint.seq) }, ...rest] };
  });
}
