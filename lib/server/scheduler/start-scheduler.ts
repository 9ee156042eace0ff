// Background work inside the server process (approval expiry, plus the jobs the caller adds, e.g. webhook retries).
// Started once per process from instrumentation.ts.
import { expireDueApprovals } from "@/lib/server/approvals/expire-approvals";

const TICK_MS = Number(process.env.BATON_SCHEDULER_TICK_MS ?? 1000);

type Job = { name: string; run: () => Promise<unknown> };

const globalForScheduler = globalThis as unknown as { batonScheduler?: NodeJS.Timeout };

export function startScheduler(extraJobs: Job[] = []): void {
  if (globalForScheduler.batonScheduler) return;
  const jobs: Job[] = [{ name: "approval expiry", run: () => expireDueApprovals() }, ...extraJobs];
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      for (const job of jobs) {
        await job.run().catch((error: unknown) => console.error(`[scheduler] ${job.name} failed:`, error));
      }
    } finally {
      running = false;
    }
  };
  globalForScheduler.batonScheduler = setInterval(() => void tick(), TICK_MS);
  globalForScheduler.batonScheduler.unref();
}
