// The migration runner on a real, throwaway PostgreSQL cluster: Prisma's `_prisma_migrations` format,
// idempotent re-runs, concurrent instances serialised by Prisma's advisory lock, failures rolled back.
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migratePostgres, migrationsDir } from "@/lib/server/db/migrate";
import { startPostgres, type PostgresCluster } from "../support/postgres";

const realMigrations = migrationsDir(path.resolve(__dirname, "../.."), "postgresql");
let cluster: PostgresCluster;
let dir: string;

beforeAll(async () => {
  cluster = await startPostgres();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-migrate-pg-"));
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

function migrationsFolder(files: Record<string, string>): string {
  const folder = fs.mkdtempSync(path.join(dir, "migrations-"));
  for (const [name, sql] of Object.entries(files)) {
    fs.mkdirSync(path.join(folder, name));
    fs.writeFileSync(path.join(folder, name, "migration.sql"), sql);
  }
  return folder;
}

describe("migration runner on PostgreSQL", () => {
  it("creates every table and records each migration in _prisma_migrations exactly as Prisma does", async () => {
    const url = await cluster.createDatabase();
    const result = await migratePostgres(url, realMigrations);
    expect(result.applied.length).toBeGreaterThan(0);
    const tables = (await query<{ table_name: string }>(url, `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`)).map((row) => row.table_name);
    expect(tables).toEqual(expect.arrayContaining(["Task", "Phase", "Checkpoint", "Event", "Approval", "_prisma_migrations"]));

    const columns = await query<{ column_name: string; data_type: string; character_maximum_length: number | null; is_nullable: string }>(
      url,
      `SELECT column_name, data_type, character_maximum_length, is_nullable FROM information_schema.columns WHERE table_name = '_prisma_migrations' ORDER BY ordinal_position`,
    );
    expect(columns.map((c) => `${c.column_name} ${c.data_type}${c.character_maximum_length ? `(${c.character_maximum_length})` : ""} ${c.is_nullable === "NO" ? "NOT NULL" : "NULL"}`)).toEqual([
      "id character varying(36) NOT NULL",
      "checksum character varying(64) NOT NULL",
      "finished_at timestamp with time zone NULL",
      "migration_name character varying(255) NOT NULL",
      "logs text NULL",
      "rolled_back_at timestamp with time zone NULL",
      "started_at timestamp with time zone NOT NULL",
      "applied_steps_count integer NOT NULL",
    ]);

    const rows = await query<{ migration_name: string; checksum: string; finished_at: Date | null; applied_steps_count: number }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count FROM "_prisma_migrations" ORDER BY migration_name`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(result.applied);
    for (const row of rows) {
      const sql = fs.readFileSync(path.join(realMigrations, row.migration_name, "migration.sql"));
      expect(row.checksum).toBe(createHash("sha256").update(sql).digest("hex"));
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
    }
  });

  it("is a no-op when run again", async () => {
    const url = await cluster.createDatabase();
    const first = await migratePostgres(url, realMigrations);
    const second = await migratePostgres(url, realMigrations);
    expect(second).toEqual({ applied: [], skipped: first.applied });
  });

  it("applies each migration once when several instances start at the same moment", async () => {
    const url = await cluster.createDatabase();
    const results = await Promise.all(Array.from({ length: 4 }, () => migratePostgres(url, realMigrations)));
    const appliedBy = results.filter((result) => result.applied.length > 0);
    expect(appliedBy).toHaveLength(1);
    for (const result of results) expect([...result.applied, ...result.skipped]).toEqual(appliedBy[0].applied);
    const [{ count }] = await query<{ count: string }>(url, `SELECT count(*) FROM "_prisma_migrations"`);
    expect(Number(count)).toBe(appliedBy[0].applied.length);
  });

  it("refuses loudly when an applied migration was edited", async () => {
    const url = await cluster.createDatabase();
    const folder = migrationsFolder({ "001_init": `CREATE TABLE "A" ("id" INTEGER);` });
    await migratePostgres(url, folder);
    fs.writeFileSync(path.join(folder, "001_init", "migration.sql"), `CREATE TABLE "A" ("id" INTEGER, "b" TEXT);`);
    await expect(migratePostgres(url, folder)).rejects.toThrow(/was changed after it was applied/);
  });

  it("rolls back a failing migration and leaves no row and no half-made table", async () => {
    const url = await cluster.createDatabase();
    const folder = migrationsFolder({ "001_broken": `CREATE TABLE "A" ("id" INTEGER); CREATE TABLE "A" ("id" INTEGER);` });
    await expect(migratePostgres(url, folder)).rejects.toThrow(/001_broken failed/);
    expect(await query(url, `SELECT * FROM "_prisma_migrations"`)).toEqual([]);
    expect(await query(url, `SELECT * FROM information_schema.tables WHERE table_name = 'A'`)).toEqual([]);
  });
});
