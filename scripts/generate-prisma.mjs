// Generates both Prisma clients offline from the one set of models in prisma/schema.prisma:
// generated/prisma (SQLite) and generated/prisma-postgresql, whose schema is derived here with only the
// provider and output swapped (generated/postgresql/schema.prisma, never edited by hand).
// Generation never runs the schema engine, but the CLI insists on finding one, so point it at any existing file.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { postgresqlSchema } from "./postgresql-schema.mjs";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const sqliteSchemaFile = path.join(root, "prisma", "schema.prisma");
const postgresqlSchemaFile = path.join(root, "generated", "postgresql", "schema.prisma");

fs.mkdirSync(path.dirname(postgresqlSchemaFile), { recursive: true });
fs.writeFileSync(postgresqlSchemaFile, postgresqlSchema(fs.readFileSync(sqliteSchemaFile, "utf8")));

const env = {
  ...process.env,
  PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath,
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
};
for (const schema of [sqliteSchemaFile, postgresqlSchemaFile]) {
  const result = spawnSync("npx", ["--no-install", "prisma", "generate", "--schema", schema], { stdio: "inherit", env, cwd: root });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
