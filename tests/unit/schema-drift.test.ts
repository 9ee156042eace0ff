// The SQLite and PostgreSQL migrations must build the same schema, and that schema must be the Prisma models:
// both folders are applied for real (a SQLite file, a fresh database in a throwaway PostgreSQL cluster),
// introspected, and compared with each other and with the generated clients' data model.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/generated/prisma-postgresql/client";
import { listMigrations, migratePostgres, migrateSqlite, migrationsDir } from "@/lib/server/db/migrate";
import { postgresqlSchema } from "@/scripts/postgresql-schema.mjs";
import { startPostgres, type PostgresCluster } from "../support/postgres";
import { postgresShape, prismaShape, sqliteShape, type RuntimeDataModel, type SchemaShape } from "../support/schema-shape";

const root = path.resolve(__dirname, "../..");
const schemaText = fs.readFileSync(path.join(root, "prisma", "schema.prisma"), "utf8");
let cluster: PostgresCluster;
let dir: string;
let fromSqlite: SchemaShape;
let fromPostgres: SchemaShape;

function runtimeDataModel(client: object): RuntimeDataModel {
  // The generated client keeps its data model on the instance; nothing connects until a query runs.
  return (client as { _runtimeDataModel: RuntimeDataModel })._runtimeDataModel;
}

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-drift-"));
  cluster = await startPostgres();
  const file = path.join(dir, "baton.db");
  migrateSqlite(file, migrationsDir(root, "sqlite"));
  fromSqlite = sqliteShape(file);
  const url = await cluster.createDatabase();
  await migratePostgres(url, migrationsDir(root, "postgresql"));
  fromPostgres = await postgresShape(url);
}, 60_000);

afterAll(async () => {
  await cluster?.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("schema drift between SQLite, PostgreSQL and the Prisma models", () => {
  it("has a PostgreSQL migration for every SQLite migration, under the same folder name, and no other", () => {
    const names = (provider: "sqlite" | "postgresql") => listMigrations(migrationsDir(root, provider)).map((migration) => migration.name);
    expect(names("postgresql")).toEqual(names("sqlite"));
  });

  it("builds the same tables, columns, keys, indexes and foreign keys from both migration folders", () => {
    expect(Object.keys(fromPostgres).sort()).toEqual(Object.keys(fromSqlite).sort());
    for (const table of Object.keys(fromSqlite)) expect({ table, ...fromPostgres[table] }).toEqual({ table, ...fromSqlite[table] });
  });

  it("builds exactly what the Prisma models describe", () => {
    const client = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: path.join(dir, "unused.db") }) });
    const models = prismaShape(schemaText, runtimeDataModel(client));
    expect(Object.keys(fromSqlite).sort()).toEqual(Object.keys(models).sort());
    for (const table of Object.keys(models)) expect({ table, ...fromSqlite[table] }).toEqual({ table, ...models[table] });
  });

  it("generates the PostgreSQL client from the same models, only the provider swapped", () => {
    const generated = fs.readFileSync(path.join(root, "generated", "postgresql", "schema.prisma"), "utf8");
    expect(generated).toBe(postgresqlSchema(schemaText));
    const sqliteClient = new PrismaClient({ adapter: new PrismaBetterSqlite3({ url: path.join(dir, "unused.db") }) });
    const postgresClient = new PostgresPrismaClient({ adapter: new PrismaPg({ connectionString: cluster.adminUrl }) });
    expect(runtimeDataModel(postgresClient)).toEqual(runtimeDataModel(sqliteClient));
  });
});
