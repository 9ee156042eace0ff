import type { LiveState } from "@/lib/live";

export function LiveIndicator({ state }: { state: LiveState }) {
  const live = state === "live";
  return (
    <span role="status" aria-live="polite" className="inline-flex items-center gap-1.5 text-xs text-zinc-500 dark:text-zinc-400">
      <span className={`h-2 w-2 rounded-full ${live ? "bg-emerald-500" : "animate-pulse bg-amber-500"}`} aria-hidden />
      {live ? "live" : state}
    </span>
  );
}
