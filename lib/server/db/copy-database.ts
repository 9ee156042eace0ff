// Moves a Baton from SQLite to PostgreSQL: migrates the (empty) target, copies every table row for row
// through the two Prisma clients (ids, seqs, hashes and dates unchanged) in foreign-key order, in one
// transaction, then moves each id sequence past the highest copied id.
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import Database from "better-sqlite3";
import pg from "pg";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgresql/client";
import { databaseProvider, sqliteFilePath } from "@/lib/server/config";
import { listMigrations, migrateDatabase, migrationsDir } from "@/lib/server/db/migrate";

export type CopyResult = { tables: { table: string; rows: number }[] };

type Row = Record<string, unknown>;
/** The slice of a Prisma model delegate the copy uses, the same for every model. */
type Delegate = {
  findMany: (args: { orderBy: Row[]; take: number; skip: number }) => Promise<Row[]>;
  createMany: (args: { data: Row[] }) => Promise<{ count: number }>;
};
type RuntimeDataModel = { models: Record<string, { dbName: string | null }> };

const PAGE = 1_000;

export async function copySqliteToPostgres(from: string, to: string, root: string): Promise<CopyResult> {
  if (databaseProvider(from) !== "sqlite") throw new Error("--from must be a SQLite database (file:… or a path).");
  if (databaseProvider(to) !== "postgresql") throw new Error("--to must be a PostgreSQL database (postgresql://…).");
  const sourceFile = sqliteFilePath(from);
  expectFullyMigrated(sourceFile, root);
  await migrateDatabase(to, root);

  const source = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: sourceFile }) });
  const target = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: to, max: 2 }) });
  const catalog = new pg.Client({ connectionString: to });
  await catalog.connect();
  try {
    const tables = await tablesInInsertOrder(catalog);
    const models = modelsByTable(source);
    await refuseNonEmpty(catalog, tables);
    const copied: CopyResult["tables"] = [];
    await target.$transaction(
      async (tx) => {
        for (const { table, primaryKey } of tables) {
          const model = models.get(table);
          if (!model) throw new Error(`Table ${table} has no Prisma model; is the checkout older than the database?`);
          const read = delegate(source, model);
          const write = delegate(tx, model);
          const orderBy = primaryKey.map((column) => ({ [column]: "asc" }));
          let rows = 0;
          for (let skip = 0; ; skip += PAGE) {
            const page = await read.findMany({ orderBy, take: PAGE, skip });
            if (page.length > 0) await write.createMany({ data: page });
            rows += page.length;
            if (page.length < PAGE) break;
          }
          copied.push({ table, rows });
        }
      },
      { timeout: 3_600_000, maxWait: 60_000 },
    );
    await resetSequences(catalog);
    return { tables: copied };
  } finally {
    await catalog.end();
    await source.$disconnect();
    await target.$disconnect();
  }
}

/** The source must have every migration this checkout has, so both schemas are the same. */
function expectFullyMigrated(sourceFile: string, root: string): void {
  const db = new Database(sourceFile, { readonly: true, fileMustExist: true });
  try {
    const applied = new Set(
      (db.prepare(`SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`).all() as { migration_name: string }[]).map(
        (row) => row.migration_name,
      ),
    );
    const missing = listMigrations(migrationsDir(root, "sqlite")).filter((migration) => !applied.has(migration.name));
    if (missing.length > 0) {
      throw new Error(`${path.basename(sourceFile)} lacks migrations ${missing.map((m) => m.name).join(", ")}: start Baton on it once (npm start) to migrate it, then copy.`);
    }
  } finally {
    db.close();
  }
}

/** The public tables (but Prisma's own) with their primary keys, each after the tables its foreign keys point to. */
async function tablesInInsertOrder(catalog: pg.Client): Promise<{ table: string; primaryKey: string[] }[]> {
  const { rows } = await catalog.query<{ table: string; primary_key: string[]; depends_on: string[] }>(
    `SELECT t.relname AS table,
            array(SELECT a.attname FROM pg_index x, unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
                    JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
                   WHERE x.indrelid = t.oid AND x.indisprimary ORDER BY k.n)::text[] AS primary_key,
            array(SELECT DISTINCT f.relname FROM pg_constraint c JOIN pg_class f ON f.oid = c.confrelid
                   WHERE c.conrelid = t.oid AND c.contype = 'f' AND f.oid <> t.oid)::text[] AS depends_on
       FROM pg_class t JOIN pg_namespace ns ON ns.oid = t.relnamespace
      WHERE ns.nspname = current_schema() AND t.relkind = 'r' AND t.relname <> '_prisma_migrations'
      ORDER BY t.relname`,
  );
  const ordered: { table: string; primaryKey: string[] }[] = [];
  const placed = new Set<string>();
  let pending = rows;
  while (pending.length > 0) {
    const ready = pending.filter((row) => row.depends_on.every((dependency) => placed.has(dependency)));
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle among ${pending.map((row) => row.table).join(", ")}`);
    for (const row of ready) {
      ordered.push({ table: row.table, primaryKey: row.primary_key });
      placed.add(row.table);
    }
    pending = pending.filter((row) => !placed.has(row.table));
  }
  return ordered;
}

async function refuseNonEmpty(catalog: pg.Client, tables: { table: string }[]): Promise<void> {
  for (const { table } of tables) {
    const { rowCount } = await catalog.query(`SELECT 1 FROM "${table}" LIMIT 1`);
    if (rowCount) throw new Error(`The target database already holds data (table ${table}); copy into an empty database.`);
  }
}

/** Table name → the Prisma client property of its model (`ApiToken` → `apiToken`). */
function modelsByTable(client: object): Map<string, string> {
  // The generated client keeps its data model on the instance.
  const { models } = (client as { _runtimeDataModel: RuntimeDataModel })._runtimeDataModel;
  return new Map(Object.entries(models).map(([model, { dbName }]) => [dbName ?? model, model.charAt(0).toLowerCase() + model.slice(1)]));
}

function delegate(client: object, property: string): Delegate {
  return (client as Record<string, Delegate>)[property];
}

/** Moves every SERIAL column's sequence past its highest value, so the next insert does not collide with a copied id. */
async function resetSequences(catalog: pg.Client): Promise<void> {
  const { rows } = await catalog.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns
      WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
  );
  for (const { table_name: table, column_name: column } of rows) {
    await catalog.query(
      `SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT MAX("${column}") FROM "${table}"), 0) + 1, false)`,
      [`"${table}"`, column],
    );
  }
}
