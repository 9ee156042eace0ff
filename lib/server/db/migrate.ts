// Applies <provider migrations>/*/migration.sql in name order, recording each in Prisma's own
// `_prisma_migrations` table (in that provider's format) so `prisma migrate deploy` stays compatible.
// SQLite: prisma/migrations; PostgreSQL: prisma/postgresql/migrations (same folder names, checked by a test).
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import pg from "pg";
import { databaseProvider, sqliteFilePath, type DatabaseProvider } from "@/lib/server/config";
import { ensurePrivateSqliteFiles } from "@/lib/server/db/private-files";

export type MigrationResult = { applied: string[]; skipped: string[] };

type Migration = { name: string; sql: Buffer; checksum: string };
type AppliedRow = { migration_name: string; checksum: string; finished_at: unknown; rolled_back_at: unknown };

const SQLITE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

const POSTGRESQL_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

/** Prisma Migrate's own advisory lock id: this runner and `prisma migrate deploy` exclude each other. */
const PRISMA_MIGRATE_LOCK = 72707369;

/** The migrations folder of a provider, under the project root. */
export function migrationsDir(root: string, provider: DatabaseProvider): string {
  return provider === "postgresql" ? path.join(root, "prisma", "postgresql", "migrations") : path.join(root, "prisma", "migrations");
}

/** Migrates the database a DATABASE_URL names, with that provider's migrations under `root`. */
export async function migrateDatabase(url: string, root: string): Promise<MigrationResult> {
  const provider = databaseProvider(url);
  if (provider === "postgresql") return migratePostgres(url, migrationsDir(root, provider));
  return migrateSqlite(sqliteFilePath(url), migrationsDir(root, provider));
}

export function listMigrations(migrationsDir: string): Migration[] {
  return fs
    .readdirSync(migrationsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && fs.existsSync(path.join(migrationsDir, entry.name, "migration.sql")))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = fs.readFileSync(path.join(migrationsDir, name, "migration.sql"));
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    });
}

/** Splits the migrations on disk into those already applied (checked unchanged) and those still to apply. */
function plan(migrations: Migration[], rows: AppliedRow[]): { pending: Migration[]; skipped: string[] } {
  const applied = new Map(rows.filter((row) => row.rolled_back_at === null).map((row) => [row.migration_name, row]));
  const pending: Migration[] = [];
  const skipped: string[] = [];
  for (const migration of migrations) {
    const previous = applied.get(migration.name);
    if (!previous) {
      pending.push(migration);
      continue;
    }
    if (previous.finished_at === null) {
      throw new Error(`Migration ${migration.name} started earlier but never finished; fix the database by hand before continuing.`);
    }
    if (previous.checksum !== migration.checksum) {
      throw new Error(
        `Migration ${migration.name} was changed after it was applied (checksum ${previous.checksum} in the database, ${migration.checksum} on disk). Add a new migration instead of editing an applied one.`,
      );
    }
    skipped.push(migration.name);
  }
  return { pending, skipped };
}

export function migrateSqlite(dbFile: string, migrationsDir: string): MigrationResult {
  ensurePrivateSqliteFiles(dbFile);
  const db = new Database(dbFile);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 10000");
    db.exec(SQLITE_MIGRATIONS_TABLE);
    const rows = db.prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`).all() as AppliedRow[];
    const { pending, skipped } = plan(listMigrations(migrationsDir), rows);
    for (const migration of pending) {
      const id = randomUUID();
      const apply = db.transaction(() => {
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`,
        ).run(id, migration.checksum, migration.name, Date.now());
        db.exec(migration.sql.toString("utf8"));
        db.prepare(`UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(Date.now(), id);
      });
      apply.immediate();
    }
    return { applied: pending.map((migration) => migration.name), skipped };
  } finally {
    db.close();
  }
}

/** Several instances may start at once: Prisma's advisory lock lets one migrate while the others wait. */
export async function migratePostgres(url: string, migrationsDir: string): Promise<MigrationResult> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SELECT pg_advisory_lock(${PRISMA_MIGRATE_LOCK})`);
    await client.query(POSTGRESQL_MIGRATIONS_TABLE);
    const { rows } = await client.query<AppliedRow>(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`);
    const { pending, skipped } = plan(listMigrations(migrationsDir), rows);
    for (const migration of pending) {
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(`INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES ($1, $2, $3, now(), 0)`, [
          id,
          migration.checksum,
          migration.name,
        ]);
        await client.query(migration.sql.toString("utf8"));
        await client.query(`UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`, [id]);
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${migration.name} failed and was rolled back: ${(error as Error).message}`, { cause: error });
      }
    }
    return { applied: pending.map((migration) => migration.name), skipped };
  } finally {
    // Ending the session releases the advisory lock with it.
    await client.end();
  }
}
