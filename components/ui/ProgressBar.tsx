export function ProgressBar({ percent, label, tone = "emerald", size = "md" }: { percent: number; label: string; tone?: "emerald" | "sky" | "zinc"; size?: "sm" | "md" }) {
  const clamped = Math.max(0, Math.min(100, percent));
  const fill = { emerald: "bg-emerald-500", sky: "bg-sky-500", zinc: "bg-zinc-400" }[tone];
  return (
    <div
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={clamped}
      className={`${size === "sm" ? "h-1" : "h-1.5"} w-full overflow-hidden rounded-full bg-zinc-200 dark:bg-zinc-800`}
    >
      <div className={`h-full rounded-full ${fill} transition-[width] duration-500`} style={{ width: `${clamped}%` }} />
    </div>
  );
}
