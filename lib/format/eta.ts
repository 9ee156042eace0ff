// ETA from the recent progress rate: pure, so the header, the burn-up projection and tests agree.
import { formatDuration, formatRate } from "@/lib/format/numbers";

export type ProgressSample = { at: number; current: number };

export type Eta = {
  ratePerSecond: number;
  /** Seconds left from `now` (never negative). */
  remainingSeconds: number;
  /** When the total is reached at the recent rate (ms since epoch). */
  etaAt: number;
  label: string;
};

/** How far back "recent" reaches from the latest sample. */
export const ETA_WINDOW_MS = 10 * 60_000;

export function estimateEta(input: {
  samples: ProgressSample[];
  total: number | null | undefined;
  unit?: string | null;
  now: number;
  windowMs?: number;
}): Eta | null {
  const { total } = input;
  if (!total || input.samples.length < 2) return null;
  const samples = [...input.samples].sort((a, b) => a.at - b.at);
  const last = samples[samples.length - 1];
  if (last.current >= total) return null;
  const windowStart = last.at - (input.windowMs ?? ETA_WINDOW_MS);
  const recent = samples.filter((s) => s.at >= windowStart);
  const first = recent.length >= 2 ? recent[0] : samples[samples.length - 2];
  const elapsedSeconds = (last.at - first.at) / 1000;
  const gained = last.current - first.current;
  if (elapsedSeconds <= 0 || gained <= 0) return null;
  const ratePerSecond = gained / elapsedSeconds;
  const etaAt = last.at + ((total - last.current) / ratePerSecond) * 1000;
  const remainingSeconds = Math.max(0, (etaAt - input.now) / 1000);
  return { ratePerSecond, remainingSeconds, etaAt, label: `~${formatDuration(remainingSeconds)} left at ${formatRate(ratePerSecond, input.unit)}` };
}
