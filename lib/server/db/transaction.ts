// One transaction helper for every write. Nested calls join the outer transaction; the webhook deliveries of
// the events it wrote are written just before the outermost commit (the outbox), and events are published
// only after it.
//
// Every write must go through here: the write connection is shared, so a write outside a transaction
// could land inside another request's. Reads outside a transaction use their own connection (`reader()`).
import { AsyncLocalStorage } from "node:async_hooks";
import type { Prisma } from "@/generated/prisma/client";
import { dbReady, readClient, writeClient } from "@/lib/server/db/client";
import { takeWriteOrderLock } from "@/lib/server/cluster/write-order";
import type { PublishedEvent } from "@/lib/server/events/published-event";
import { writeDeliveries } from "@/lib/server/webhooks/outbox";
import { wakeDeliveryWorker } from "@/lib/server/webhooks/delivery-wakeup";

export type Tx = Prisma.TransactionClient;

type TxContext = { tx: Tx; afterCommit: (() => void)[]; events: PublishedEvent[] };

const storage = new AsyncLocalStorage<TxContext>();

export async function transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const outer = storage.getStore();
  if (outer) return work(outer.tx);
  await dbReady();
  const afterCommit: (() => void)[] = [];
  const result = await writeClient().$transaction(async (tx) => {
    await takeWriteOrderLock(tx);
    const context: TxContext = { tx, afterCommit, events: [] };
    return storage.run(context, async () => {
      const value = await work(tx);
      if (context.events.length > 0 && (await writeDeliveries(tx, context.events)) > 0) afterCommit.push(wakeDeliveryWorker);
      return value;
    });
  });
  for (const callback of afterCommit) callback();
  return result;
}

/** Records events written in the current transaction, for the outbox: their webhook deliveries commit with them. */
export function eventsWritten(events: PublishedEvent[]): void {
  const context = storage.getStore();
  if (!context) throw new Error("eventsWritten() outside a transaction: events are written only inside one.");
  context.events.push(...events);
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
 * only its own writes are undone and the events it appended are never published nor delivered; the outer
 * transaction goes on.
 */
export async function savepoint<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
  const context = storage.getStore();
  if (!context) return transaction(() => savepoint(work));
  const name = `sp_${++savepointCounter}`;
  const publishedBefore = context.afterCommit.length;
  const eventsBefore = context.events.length;
  await context.tx.$executeRawUnsafe(`SAVEPOINT ${name}`);
  try {
    const result = await work(context.tx);
    await context.tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
    return result;
  } catch (error) {
    await context.tx.$executeRawUnsafe(`ROLLBACK TO SAVEPOINT ${name}`);
    await context.tx.$executeRawUnsafe(`RELEASE SAVEPOINT ${name}`);
    context.afterCommit.length = publishedBefore;
    context.events.length = eventsBefore;
    throw error;
  }
}
