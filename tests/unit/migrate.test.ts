import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createHash } from "node:crypto";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { migrateSqlite } from "@/lib/server/db/migrate";

const realMigrations = path.resolve(__dirname, "../../prisma/migrations");
const tempDirs: string[] = [];

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-migrate-"));
  tempDirs.push(dir);
  return dir;
}

afterEach(() => {
  for (const dir of tempDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("migration runner", () => {
  it("creates every table on a fresh database and records Prisma's _prisma_migrations rows", () => {
    const file = path.join(tempDir(), "fresh.db");
    const result = migrateSqlite(file, realMigrations);
    expect(result.applied.length).toBeGreaterThan(0);
    const db = new Database(file);
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type='table'").all() as { name: string }[]).map((t) => t.name);
    expect(tables).toEqual(expect.arrayContaining(["Task", "Phase", "Checkpoint", "Event", "Approval", "_prisma_migrations"]));
    const rows = db.prepare(`SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations"`).all() as {
      migration_name: string;
      checksum: string;
      finished_at: number;
      applied_steps_count: number;
    }[];
    const first = rows.find((r) => r.migration_name === result.applied[0])!;
    const sql = fs.readFileSync(path.join(realMigrations, result.applied[0], "migration.sql"));
    expect(first.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
    expect(first.finished_at).not.toBeNull();
    expect(first.applied_steps_count).toBe(1);
    db.close();
  });

  it("is a no-op when run again", () => {
    const file = path.join(tempDir(), "again.db");
    const first = migrateSqlite(file, realMigrations);
    const second = migrateSqlite(file, realMigrations);
    expect(second.applied).toEqual([]);
    expect(second.skipped).toEqual(first.applied);
  });

  it("refuses loudly when an applied migration was edited", () => {
    const dir = tempDir();
    const migrations = path.join(dir, "migrations");
    fs.mkdirSync(path.join(migrations, "001_init"), { recursive: true });
    fs.writeFileSync(path.join(migrations, "001_init", "migration.sql"), `CREATE TABLE "A" ("id" INTEGER);`);
    const file = path.join(dir, "edited.db");
    migrateSqlite(file, migrations);
    fs.writeFileSync(path.join(migrations, "001_init", "migration.sql"), `CREATE TABLE "A" ("id" INTEGER, "b" TEXT);`);
    expect(() => migrateSqlite(file, migrations)).toThrow(/was changed after it was applied/);
  });

  it("rolls back a failing migration and leaves no finished row", () => {
    const dir = tempDir();
    const migrations = path.join(dir, "migrations");
    fs.mkdirSync(path.join(migrations, "001_broken"), { recursive: true });
    fs.writeFileSync(path.join(migrations, "001_broken", "migration.sql"), `CREATE TABLE "A" ("id" INTEGER); CREATE TABLE "A" ("id" INTEGER);`);
    const file = path.join(dir, "broken.db");
    expect(() => migrateSqlite(file, migrations)).toThrow();
    const db = new Database(file);
    expect(db.prepare(`SELECT count(*) AS n FROM "_prisma_migrations"`).get()).toEqual({ n: 0 });
    expect(db.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'A'`).get()).toEqual({ n: 0 });
    db.close();
  });
});
