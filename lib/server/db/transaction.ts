// One transaction helper for every write. Nested calls join the outer
// transaction, and events are published only after the outermost commit.
//
// Every write must go through here: the write connection is shared, so a write outside a transaction
// could land inside another request's. Reads outside a transaction use their own connection (`reader()`).
import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma } from "@/generated/prisma/client";
import { dbReady, readClient, writeClient } from "@/lib/server/db/client";
import { takeWriteOrderLock } from "@/lib/server/cluster/write-order";

export type Tx = Prisma.TransactionClient;

type TxContext = { tx: Tx; afterCommit: (() => void)[] };

const storage = new AsyncLocalStorage<TxContext>();

export async function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const outer = storage.getStore();
  if (outer) return work(outer.tx);
  await dbReady();
  const afterCommit: (() => void)[] = [];
  const result = await writeClient().$transaction(async (tx) => {
    await takeWriteOrderLock(tx);
    return storage.run({ tx, afterCommit }, () => work(tx));
  });
  for (const callback of afterCommit) callback();
  return result;
}

/** Runs `callback` once the current transaction commits (at once when outside one). */
export function onCommit(callback: () => void): void {
  const context = storage.getStore();
  if (context) context.afterCommit.push(callback);
  else callback();
}

/** True while the caller runs inside `transaction()`. */
export function inTransaction(): boolean {
  return storage.getStore() !== undefined;
}

/** A client for reads: the open transaction when inside one (to see its own writes), else the read connection. */
export async function reader(): Promise<Tx> {
  const context = storage.getStore();
  if (context) return context.tx;
  await dbReady();
  return readClient();
}

let savepointCounter = 0;

/**
 * Runs `work` inside a SAVEPOINT of the current transaction (opening one if needed): when it throws,
 * only its own writes are undone and the events it appended are never published; the outer transaction goes on.
 */
export async function savepoint<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const context = storage.getStore();
  if (!context) return transaction(() => savepoint(work));
  const name = `sp_${++savepointCounter}`;
  const publishedBefore = context.afterCommit.length;
  await context.tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
  try {
    const result = await work(context.tx);
    await context.tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await context.tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
    await context.tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
    context.afterCommit.length = publishedBefore;
    throw error;
  }
}
