"use client";

import { useSyncExternalStore } from "react";
import { formatExact, formatRelative } from "@/lib/format/relative-time";

// One shared clock ticking every 15 s for every relative time on the page.
const TICK_MS = 15_000;
let now = Date.now();
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setInterval> | null = null;

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (!timer) {
    now = Date.now();
    timer = setInterval(() => {
      now = Date.now();
      listeners.forEach((l) => l());
    }, TICK_MS);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = null;
    }
  };
}

/** The shared clock (null while rendering on the server). */
export function useNow(): number | null {
  return useSyncExternalStore(
    subscribe,
    () => now,
    () => null,
  );
}

/** "2 min ago", with the exact time on hover. */
export function RelativeTime({ iso }: { iso: string }) {
  const current = useNow();
  const exact = formatExact(iso);
  return (
    <time dateTime={iso} title={exact} suppressHydrationWarning>
      {current === null ? exact : formatRelative(iso, current)}
    </time>
  );
}
