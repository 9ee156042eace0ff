// When a failed webhook delivery is tried again: exponential backoff, capped, then given up.

export const MAX_ATTEMPTS = 8;
const BASE_MS = Number(process.env.BATON_WEBHOOK_BACKOFF_MS ?? 10_000);
const CAP_MS = 3_600_000;

/** Delay before attempt `attempts + 1`, after `attempts` failures (1 → base, 2 → 2×base, 3 → 4×base …); null once the budget is spent. */
export function nextRetryDelayMs(attempts: number, baseMs = BASE_MS): number | null {
  if (attempts >= MAX_ATTEMPTS) return null;
  return Math.min(CAP_MS, baseMs * 2 ** (attempts - 1));
}
