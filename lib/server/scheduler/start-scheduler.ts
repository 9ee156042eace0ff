// Background work inside the server process (approval expiry, housekeeping, plus the jobs the caller adds,
// e.g. webhook retries). Started once per process from instrumentation.ts.
import { expireDueApprovals } from "@/lib/server/approvals/expire-approvals";
import { pruneIdempotencyRecords } from "@/lib/server/http/idempotency";
import { deleteExpiredSessions } from "@/lib/server/auth/sessions";

const TICK_MS = Number(process.env.BATON_SCHEDULER_TICK_MS ?? 1000);
// Deleting old rows is a write: once every few minutes keeps it out of the ingest path's way.
const HOUSEKEEPING_MS = Number(process.env.BATON_HOUSEKEEPING_MS ?? 5 * 60_000);

/** `everyMs`: run at most this often (default: every tick). */
type Job = { name: string; run: () => Promise<unknown>; everyMs?: number };

const builtInJobs: Job[] = [
  { name: "approval expiry", run: () => expireDueApprovals() },
  { name: "idempotency pruning", run: () => pruneIdempotencyRecords(), everyMs: HOUSEKEEPING_MS },
  { name: "expired sessions", run: () => deleteExpiredSessions(), everyMs: HOUSEKEEPING_MS },
];

const globalForScheduler = globalThis as unknown as { batonScheduler?: NodeJS.Timeout };

export function startScheduler(extraJobs: Job[] = []): void {
  if (globalForScheduler.batonScheduler) return;
  const jobs = [...builtInJobs, ...extraJobs];
  const lastRun = new Map<Job, number>();
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const job of jobs) {
        const now = Date.now();
        if (job.everyMs && now - (lastRun.get(job) ?? -Infinity) < job.everyMs) continue;
        lastRun.set(job, now);
        await job.run().catch((error: unknown) => console.error(`[scheduler] ${job.name} failed:`, error));
      }
    } finally {
      running = false;
    }
  };
  globalForScheduler.batonScheduler = setInterval(() => void tick(), TICK_MS);
  globalForScheduler.batonScheduler.unref();
}
