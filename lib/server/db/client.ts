// The process's Prisma clients: one for writes (every transaction), one for reads outside a transaction.
// DATABASE_URL picks the database (lib/server/config.ts); the clients are created on first use, so merely
// importing this module never opens (or creates) anything.
//
// SQLite in WAL mode lets a second connection read while the first writes, and it only ever sees committed
// data; on the one shared connection a read would queue behind a write transaction and see its
// uncommitted rows. On PostgreSQL one pool gives the same isolation: writer and reader are the same client.
import type Database from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgresql/client";
import { databaseProvider, databaseUrl, sqliteFilePath, type DatabaseProvider } from "@/lib/server/config";
import { ensurePrivateSqliteFiles } from "@/lib/server/db/private-files";

export type Db = PrismaClient;

/** Connections per instance on PostgreSQL; several instances share the server's `max_connections`. */
const POSTGRES_POOL_SIZE = Number(process.env.BATON_DATABASE_POOL_SIZE ?? 10);

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

type Clients = {
  provider: DatabaseProvider;
  writer: PrismaClient;
  reader: PrismaClient;
  sqliteAdapter: SqliteAdapter | null;
  ready?: Promise<void>;
};

function createClients(): Clients {
  const url = databaseUrl();
  if (databaseProvider(url) === "postgresql") {
    const client = new PostgresPrismaClient({
      adapter: new PrismaPg({ connectionString: url, max: POSTGRES_POOL_SIZE }),
      transactionOptions: { maxWait: 60_000, timeout: 60_000 },
    });
    // The two generated clients come from the same models; only the provider differs, so their types agree.
    const writer = client as unknown as PrismaClient;
    return { provider: "postgresql", writer, reader: writer, sqliteAdapter: null };
  }
  const file = sqliteFilePath(url);
  const sqliteAdapter = new SqliteAdapter({ url: file, timeout: 10_000 });
  const writer = new PrismaClient({
    adapter: sqliteAdapter,
    // SQLite transactions queue behind one mutex; a burst must wait, not fail.
    transactionOptions: { maxWait: 60_000, timeout: 60_000 },
  });
  const reader = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: file, timeout: 10_000 }) });
  return { provider: "sqlite", writer, reader, sqliteAdapter };
}

const globalForDb = globalThis as unknown as { batonDb?: Clients };

function clients(): Clients {
  return (globalForDb.batonDb ??= createClients());
}

/** The write client: use it only through `transaction()` (lib/server/db/transaction.ts). */
export function writeClient(): PrismaClient {
  return clients().writer;
}

/** The read client: sees committed data only and never waits behind a write. */
export function readClient(): PrismaClient {
  return clients().reader;
}

/** Which database this process runs on. */
export function provider(): DatabaseProvider {
  return clients().provider;
}

/** Prepares the connections once per process before the first query (SQLite pragmas; nothing on PostgreSQL). */
export function dbReady(): Promise<void> {
  const current = clients();
  current.ready ??= (async () => {
    if (current.provider !== "sqlite") return;
    const { writer, reader } = current;
    // Before the adapter's first connection, which would otherwise create the file world-readable.
    ensurePrivateSqliteFiles(sqliteFilePath(databaseUrl()));
    await writer.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await writer.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
    await writer.$queryRawUnsafe("PRAGMA busy_timeout = 10000");
    await writer.$queryRawUnsafe("PRAGMA foreign_keys = ON");
    await reader.$queryRawUnsafe("PRAGMA busy_timeout = 10000");
    // A read connection that can never write, even by mistake.
    await reader.$queryRawUnsafe("PRAGMA query_only = ON");
  })();
  return current.ready;
}

/** Closes every connection this process opened (scripts that exit afterwards). */
export async function disconnectDb(): Promise<void> {
  const current = globalForDb.batonDb;
  if (!current) return;
  globalForDb.batonDb = undefined;
  await current.writer.$disconnect();
  if (current.reader !== current.writer) await current.reader.$disconnect();
}

/**
 * The write client's own better-sqlite3 connection, for prepared statements that must run inside the
 * transaction Prisma holds open on it (the ingest hot path). Null on PostgreSQL, and until the first query connects it.
 */
export function sqliteConnection(): Database.Database | null {
  return clients().sqliteAdapter?.connection ?? null;
}
