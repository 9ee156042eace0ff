// The one Prisma client of the process, with SQLite tuned for concurrent ingest.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "@/generated/prisma/client";
import { databaseUrl, sqliteFilePath } from "@/lib/server/config";
import { ensurePrivateSqliteFiles } from "@/lib/server/db/private-files";

export type Db = PrismaClient;

function createClient(): PrismaClient {
  const adapter = new PrismaBetterSqlite3({ url: sqliteFilePath(databaseUrl()), timeout: 10_000 });
  const client = new PrismaClient({
    adapter,
    // SQLite transactions queue behind one mutex; a burst must wait, not fail.
    transactionOptions: { maxWait: 60_000, timeout: 60_000 },
  });
  return client;
}

const globalForDb = globalThis as unknown as { batonDb?: PrismaClient; batonDbReady?: Promise<void> };

export const db: PrismaClient = globalForDb.batonDb ?? (globalForDb.batonDb = createClient());

/** Applies connection pragmas once per process before the first query. */
export function dbReady(): Promise<void> {
  globalForDb.batonDbReady ??= (async () => {
    // Before the adapter's first connection, which would otherwise create the file world-readable.
    ensurePrivateSqliteFiles(sqliteFilePath(databaseUrl()));
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$queryRawUnsafe("PRAGMA synchronous = NORMAL");
    await db.$queryRawUnsafe("PRAGMA busy_timeout = 10000");
    await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  })();
  return globalForDb.batonDbReady;
}
