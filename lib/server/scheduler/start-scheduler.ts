// Background work inside the server process (approval expiry, housekeeping, plus the jobs the caller adds,
// e.g. webhook retries). Started once per process from instrumentation.ts. With several instances on one
// PostgreSQL database each job runs on one instance at a time (an advisory lock per job); the others skip it.
import { createHash } from "node:crypto";
import { clusterBus } from "@/lib/server/cluster/cluster";
import { expireDueApprovals } from "@/lib/server/approvals/expire-approvals";
import { pruneIdempotencyRecords } from "@/lib/server/http/idempotency";
import { deleteExpiredSessions } from "@/lib/server/auth/sessions";
import { pruneFinishedDeliveries } from "@/lib/server/webhooks/claim-deliveries";

const TICK_MS = Number(process.env.BATON_SCHEDULER_TICK_MS ?? 1000);
// Deleting old rows is a write: once every few minutes keeps it out of the ingest path's way.
const HOUSEKEEPING_MS = Number(process.env.BATON_HOUSEKEEPING_MS ?? 5 * 60_000);

/** `everyMs`: run at most this often (default: every tick). */
type Job = { name: string; run: () => Promise<unknown>; everyMs?: number };

const builtInJobs: Job[] = [
  { name: "approval expiry", run: () => expireDueApprovals() },
  { name: "idempotency pruning", run: () => pruneIdempotencyRecords(), everyMs: HOUSEKEEPING_MS },
  { name: "expired sessions", run: () => deleteExpiredSessions(), everyMs: HOUSEKEEPING_MS },
  { name: "finished webhook deliveries", run: () => pruneFinishedDeliveries(), everyMs: HOUSEKEEPING_MS },
];

/** The first of the two advisory-lock keys: Baton's scheduler (the second one names the job). */
const SCHEDULER_LOCK_SPACE = 72707372;

function jobLockKey(name: string): readonly [number, number] {
  return [SCHEDULER_LOCK_SPACE, createHash("sha256").update(name).digest().readInt32BE(0)];
}

/** Runs the job here unless another instance is running it right now. */
async function runOnce(job: Job): Promise<void> {
  const bus = clusterBus();
  if (!bus) {
    await job.run();
    return;
  }
  await bus.whileLocked(jobLockKey(job.name), async () => {
    await job.run();
  });
}

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
        await runOnce(job).catch((error: unknown) => console.error(`[scheduler] ${job.name} failed:`, error));
      }
    } finally {
      running = false;
    }
  };
  globalForScheduler.batonScheduler = setInterval(() => void tick(), TICK_MS);
  globalForScheduler.batonScheduler.unref();
}
