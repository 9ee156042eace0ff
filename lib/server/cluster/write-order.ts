// On PostgreSQL, write transactions take turns across all instances, as SQLite's single writer does.
//
// Event seqs come from a sequence, handed out when a row is inserted but visible only at commit: two
// concurrent writers could commit seq 101 before seq 100, and a reader that already moved past 101 (an SSE
// stream, a `Last-Event-ID` replay, the log tail that feeds other instances) would never see 100. Holding one
// transaction-level advisory lock from the first statement to the commit makes commit order equal seq order.
// Taken first, before any row lock, it cannot deadlock; it also keeps every read-then-write rule (per-task
// seq, Idempotency-Key, gates) as safe across instances as it is on SQLite.
import type { Tx } from "@/lib/server/db/transaction";
import { onPostgres } from "@/lib/server/cluster/cluster";

/** Next to Prisma's migration lock (72707369); held until the transaction ends. */
export const WRITE_ORDER_LOCK = 72707371;

export async function takeWriteOrderLock(tx: Tx): Promise<void> {
  if (!onPostgres()) return;
  await tx.$executeRawUnsafe(`SELECT 1 FROM pg_advisory_xact_lock(${WRITE_ORDER_LOCK})`);
}
