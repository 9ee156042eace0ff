// Sends the offline queue through `POST /batch`, oldest first, and removes what the server has settled.
// Entries leave the file only after the server answered for them; a resend after a crash carries the same
// idempotency key, so the server replays its first answer instead of applying the write again.
import type { BatonClient } from "@/lib/client/baton-client";
import { BATCH_MAX_OPERATIONS } from "@/lib/schemas/batch";
import type { OfflineQueue, QueueEntry } from "@/cli/queue/offline-queue";

export type Refusal = { entry: QueueEntry; status: number; detail: string };
export type FlushReport = { sent: number; refused: Refusal[]; remaining: number };

export async function flushQueue(client: BatonClient, queue: OfflineQueue): Promise<FlushReport> {
  const report: FlushReport = { sent: 0, refused: [], remaining: 0 };
  if (queue.isEmpty()) return report;
  return queue.locked(async () => {
    for (;;) {
      const entries = queue.readUnlocked();
      if (entries.length === 0) return report;
      const chunk = entries.slice(0, BATCH_MAX_OPERATIONS);
      const results = await client.batch(chunk.map((entry) => ({ ...entry.operation, idempotencyKey: entry.idempotencyKey })));
      const settled = new Set<string>();
      let retryLater = 0;
      chunk.forEach((entry, index) => {
        const result = results[index];
        if (!result || isTransient(result.status)) {
          retryLater += 1;
          return;
        }
        settled.add(entry.idempotencyKey);
        if (result.status < 300) {
          report.sent += 1;
          return;
        }
        const problem = "problem" in result ? result.problem : result.body;
        queue.recordRejected(entry, problem);
        report.refused.push({ entry, status: result.status, detail: "problem" in result ? result.problem.detail : `HTTP ${result.status}` });
      });
      queue.removeUnlocked(settled);
      if (retryLater > 0) {
        report.remaining = queue.readUnlocked().length;
        return report;
      }
    }
  });
}

function isTransient(status: number): boolean {
  return status === 429 || status >= 500;
}
