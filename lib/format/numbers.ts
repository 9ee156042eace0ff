// Number, progress and duration formatting shared by every dashboard view (browser-safe).

const integer = new Intl.NumberFormat("en", { maximumFractionDigits: 0 });
const compact = new Intl.NumberFormat("en", { maximumFractionDigits: 2 });

/** "1,840" for large numbers, up to two decimals for small ones. */
export function formatNumber(value: number): string {
  return Math.abs(value) >= 100 ? integer.format(value) : compact.format(value);
}

export type ProgressLike = { current: number; total: number | null | undefined; unit: string | null | undefined };

export function progressPercent(progress: ProgressLike): number | null {
  if (!progress.total) return null;
  return Math.round(Math.min(1, Math.max(0, progress.current / progress.total)) * 1000) / 10;
}

/** "730,000 / 1,000,000 records · 73%". */
export function formatProgress(progress: ProgressLike): string {
  const unit = progress.unit ? ` ${progress.unit}` : "";
  const percent = progressPercent(progress);
  if (percent === null) return `${formatNumber(progress.current)}${unit}`;
  return `${formatNumber(progress.current)} / ${formatNumber(progress.total!)}${unit} · ${percent}%`;
}

/** "45 s", "12 min", "2 h 5 min", "3 d 4 h". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.round(s / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(s / 3600);
  if (hours < 24) {
    const rest = Math.round((s - hours * 3600) / 60);
    return rest > 0 && rest < 60 ? `${hours} h ${rest} min` : `${hours} h`;
  }
  const days = Math.floor(s / 86_400);
  const restHours = Math.round((s - days * 86_400) / 3600);
  return restHours > 0 && restHours < 24 ? `${days} d ${restHours} h` : `${days} d`;
}

/** A per-second rate in the largest time unit that keeps it at or above one: "1,840 records/s", "12 rows/min". */
export function formatRate(perSecond: number, unit: string | null | undefined): string {
  const label = unit || "units";
  if (perSecond >= 1) return `${formatNumber(perSecond)} ${label}/s`;
  if (perSecond * 60 >= 1) return `${formatNumber(perSecond * 60)} ${label}/min`;
  return `${formatNumber(perSecond * 3600)} ${label}/h`;
}
