// The prepared-statement path for hot writes: better-sqlite3 statements on the write connection, run inside
// the transaction Prisma holds open on it (so they commit or roll back with it). Measured against Prisma in
// docs/BENCHMARKS.md; `BATON_PREPARED_STATEMENTS=off` falls back to Prisma (the path PostgreSQL takes).
import type Database from "better-sqlite3";
import { sqliteConnection } from "@/lib/server/db/client";
import { inTransaction } from "@/lib/server/db/transaction";

/** The connection to prepare statements on, or null when the caller must use Prisma. */
export function preparedConnection(): Database.Database | null {
  if (process.env.BATON_PREPARED_STATEMENTS === "off" || !inTransaction()) return null;
  return sqliteConnection();
}

const statements = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A statement prepared once per connection; integers come back as numbers (the adapter turns on BigInt). */
export function prepared(connection: Database.Database, sql: string): Database.Statement {
  let cache = statements.get(connection);
  if (!cache) statements.set(connection, (cache = new Map()));
  let statement = cache.get(sql);
  if (!statement) {
    statement = connection.prepare(sql);
    if (statement.reader) statement.safeIntegers(false);
    cache.set(sql, statement);
  }
  return statement;
}

/** A DateTime exactly as Prisma's better-sqlite3 adapter stores it, so both paths read back alike. */
export function sqliteDateTime(date: Date): string {
  return date.toISOString().replace("Z", "+00:00");
}
