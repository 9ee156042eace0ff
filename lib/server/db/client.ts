// The process's Prisma clients: one for writes (every transaction), one for reads outside a transaction.
//
// SQLite in WAL mode lets a second connection read while the first writes, and it only ever sees committed
// data; on the one shared connection a read would queue behind a write transaction and see its
// uncommitted rows. (On PostgreSQL a pool gives the same isolation; both clients would use it.)
import type Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl, sqliteFilePath } from "@/lib/server/config";
import { ensurePrivateSqliteFiles } from "@/lib/server/db/private-files";

export type Db = PrismaClient;

/** The adapter factory, keeping hold of the better-sqlite3 connection it opens (see `sqliteConnection`). */
class SqliteAdapter extends PrismaBetterSqlite3 {
  connection: Database.Database | null = null;

  override async connect() {
    const adapter = await super.connect();
    // The adapter keeps its connection in `client`; its type does not say so.
    this.connection = (adapter as unknown as { client: Database.Database }).client;
    return adapter;
  }
}

type Clients = { writer: PrismaClient; writerAdapter: SqliteAdapter; reader: PrismaClient; ready?: Promise<void> };

function createClients(): Clients {
  const url = sqliteFilePath(databaseUrl());
  const writerAdapter = new SqliteAdapter({ url, timeout: 10_000 });
  const writer = new PrismaClient({
    adapter: writerAdapter,
    // SQLite transactions queue behind one mutex; a burst must wait, not fail.
    transactionOptions: { maxWait: 60_000, timeout: 60_000 },
  });
  const reader = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 10_000 }) });
  return { writer, writerAdapter, reader };
}

const globalForDb = globalThis as unknown as { batonDb?: Clients };
const clients: Clients = globalForDb.batonDb ?? (globalForDb.batonDb = createClients());

/** The write client: use it only through `transaction()` (lib/server/db/transaction.ts). */
export const db: PrismaClient = clients.writer;

/** The read client: a separate connection that sees committed data only and never waits behind a write. */
export const readDb: PrismaClient = clients.reader;

/** Applies connection pragmas once per process before the first query. */
export function dbReady(): Promise<void> {
  clients.ready ??= (async () => {
    // Before the adapter's first connection, which would otherwise create the file world-readable.
    ensurePrivateSqliteFiles(sqliteFilePath(databaseUrl()));
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
    await db.$queryRawUnsafe("PRAGMA busy_timeout = 10000");
    await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    await readDb.$queryRawUnsafe("PRAGMA busy_timeout = 10000");
    // A read connection that can never write, even by mistake.
    await readDb.$queryRawUnsafe("PRAGMA query_only = ON");
  })();
  return clients.ready;
}

/**
 * The write client's own better-sqlite3 connection, for prepared statements that must run inside the
 * transaction Prisma holds open on it (the ingest hot path). Null until the first query connects it.
 */
export function sqliteConnection(): Database.Database | null {
  return clients.writerAdapter.connection;
}
