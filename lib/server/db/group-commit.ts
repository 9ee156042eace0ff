// Group commit: calls that arrive while a group is being written share the next transaction, so a burst
// of concurrent requests pays for one transaction (and one set of set-based statements) instead of one each.
//
// Each caller still gets its own outcome: `write` settles every item on its own (undoing a failed item's
// writes in a savepoint) and a caller is answered only after the group's transaction has committed.
import { inTransaction, transaction } from "@/lib/server/db/transaction";

export type Outcome<R> = { ok: true; value: R } | { ok: false; error: unknown };

type Waiting<I, R> = { item: I; resolve: (value: R) => void; reject: (error: unknown) => void };

/** Bounds one transaction so a flood cannot build one that holds the write connection for long. */
const MAX_GROUP = 256;

export function groupCommit<I, R>(write: (items: I[]) => Promise<Outcome<R>[]>): (item: I) => Promise<R> {
  let queue: Waiting<I, R>[] = [];
  let draining = false;

  async function drain() {
    while (queue.length > 0) {
      const group = queue.slice(0, MAX_GROUP);
      queue = queue.slice(MAX_GROUP);
      try {
        const outcomes = await transaction(() => write(group.map((waiting) => waiting.item)));
        group.forEach((waiting, index) => settle(waiting, outcomes[index]));
      } catch (error) {
        // The commit itself failed: nothing of the group was written.
        for (const waiting of group) waiting.reject(error);
      }
    }
    draining = false;
  }

  return (item: I) => {
    // Inside a caller's transaction (an Idempotency-Key record, a batch) the item commits with that transaction.
    if (inTransaction()) return write([item]).then(([outcome]) => unwrap(outcome));
    return new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      if (draining) return;
      draining = true;
      // Let the requests already parsed in this turn of the event loop join the group.
      setImmediate(() => void drain());
    });
  };
}

function settle<I, R>(waiting: Waiting<I, R>, outcome: Outcome<R> | undefined) {
  if (outcome?.ok) waiting.resolve(outcome.value);
  else waiting.reject(outcome ? outcome.error : new Error("group commit: no outcome for an item"));
}

function unwrap<R>(outcome: Outcome<R>): R {
  if (outcome.ok) return outcome.value;
  throw outcome.error;
}
