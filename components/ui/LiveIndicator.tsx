import type { LiveState } from "@/lib/live";

export function LiveIndicator({ state }: { state: LiveState }) {
  const live = state === "live";
  return (
    <span
      role="status"
      aria-live="polite"
      data-testid="live-indicator"
      data-state={state}
      title={live ? "Receiving updates as they happen" : "Connection lost; reconnecting and catching up"}
      className="inline-flex items-center gap-1.5 rounded-full border border-zinc-200 px-2 py-0.5 text-xs text-zinc-600 dark:border-zinc-800 dark:text-zinc-400"
    >
      <span className="relative flex h-2 w-2" aria-hidden>
        {live && <span className="absolute inline-flex h-full w-full animate-ping rounded-full bg-emerald-400 opacity-60 motion-reduce:hidden" />}
        <span className={`relative inline-flex h-2 w-2 rounded-full ${live ? "bg-emerald-500" : "animate-pulse bg-amber-500"}`} />
      </span>
      {live ? "live" : state}
    </span>
  );
}
