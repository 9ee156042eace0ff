const STYLES: Record<string, string> = {
  active: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-300",
  pending: "bg-zinc-100 text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300",
  blocked: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-300",
  awaiting_approval: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-300",
  stale: "bg-orange-100 text-orange-800 dark:bg-orange-950 dark:text-orange-300",
  done: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-300",
  failed: "bg-red-600 text-white dark:bg-red-700",
  skipped: "bg-zinc-100 text-zinc-600 dark:bg-zinc-800 dark:text-zinc-400",
  rolled_back: "bg-purple-100 text-purple-800 dark:bg-purple-950 dark:text-purple-300",
};

export function statusLabel(status: string): string {
  return status.replace(/_/g, " ");
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      data-status={status}
      className={`inline-flex shrink-0 items-center rounded-full px-2 py-0.5 text-xs font-medium ${STYLES[status] ?? STYLES.pending}`}
    >
      {statusLabel(status)}
    </span>
  );
}
