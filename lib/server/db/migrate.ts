// Applies prisma/migrations/*/migration.sql in name order, recording each in
// Prisma's own `_prisma_migrations` table so `prisma migrate deploy` stays compatible.
import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { ensurePrivateSqliteFiles } from "@/lib/server/db/private-files";

export type MigrationResult = { applied: string[]; skipped: string[] };

const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

type AppliedRow = { migration_name: string; checksum: string; finished_at: string | null; rolled_back_at: string | null };

export function listMigrations(migrationsDir: string): { name: string; sql: Buffer; checksum: string }[] {
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

export function migrateSqlite(dbFile: string, migrationsDir: string): MigrationResult {
  ensurePrivateSqliteFiles(dbFile);
  const db = new Database(dbFile);
  try {
    db.pragma("journal_mode = WAL");
    db.pragma("busy_timeout = 10000");
    db.exec(CREATE_MIGRATIONS_TABLE);
    const applied = new Map(
      (db.prepare(`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`).all() as AppliedRow[])
        .filter((row) => row.rolled_back_at === null)
        .map((row) => [row.migration_name, row]),
    );
    const result: MigrationResult = { applied: [], skipped: [] };
    for (const migration of listMigrations(migrationsDir)) {
      const previous = applied.get(migration.name);
      if (previous) {
        if (previous.finished_at === null) {
          throw new Error(`Migration ${migration.name} started earlier but never finished; fix the database by hand before continuing.`);
        }
        if (previous.checksum !== migration.checksum) {
          throw new Error(
            `Migration ${migration.name} was changed after it was applied (checksum ${previous.checksum} in the database, ${migration.checksum} on disk). Add a new migration instead of editing an applied one.`,
          );
        }
        result.skipped.push(migration.name);
        continue;
      }
      const id = randomUUID();
      const apply = db.transaction(() => {
        db.prepare(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count) VALUES (?, ?, ?, ?, 0)`,
        ).run(id, migration.checksum, migration.name, Date.now());
        db.exec(migration.sql.toString("utf8"));
        db.prepare(`UPDATE "_prisma_migrations" SET finished_at = ?, applied_steps_count = 1 WHERE id = ?`).run(Date.now(), id);
      });
      apply.immediate();
      result.applied.push(migration.name);
    }
    return result;
  } finally {
    db.close();
  }
}
