// The shape of a database schema, comparable across SQLite, PostgreSQL and the Prisma models: tables, columns
// (broad type, nullability), primary keys, indexes (Prisma's names, columns, uniqueness) and foreign keys.
import Database from "better-sqlite3";
import pg from "pg";

export type ColumnShape = { type: string; nullable: boolean };
export type TableShape = {
  columns: Record<string, ColumnShape>;
  primaryKey: string[];
  /** "name(col,col)" for plain indexes, "unique name(col,col)" for unique ones; primary keys excluded. */
  indexes: string[];
  /** "col,col -> Table(col,col) on delete ACTION" */
  foreignKeys: string[];
};
export type SchemaShape = Record<string, TableShape>;

const IGNORED_TABLES = new Set(["_prisma_migrations", "sqlite_sequence"]);

const SQLITE_TYPES: Record<string, string> = {
  INTEGER: "int",
  BIGINT: "bigint",
  REAL: "float",
  TEXT: "text",
  BOOLEAN: "boolean",
  DATETIME: "datetime",
  JSONB: "json",
  BLOB: "bytes",
  DECIMAL: "decimal",
};

export function sqliteShape(file: string): SchemaShape {
  const db = new Database(file, { readonly: true });
  try {
    const tables = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[])
      .map((row) => row.name)
      .filter((name) => !IGNORED_TABLES.has(name));
    const shape: SchemaShape = {};
    for (const table of tables) {
      const info = db.prepare(`SELECT name, type, "notnull", pk FROM pragma_table_info(?)`).all(table) as { name: string; type: string; notnull: number; pk: number }[];
      const columns: Record<string, ColumnShape> = {};
      for (const column of info) columns[column.name] = { type: SQLITE_TYPES[column.type.toUpperCase()] ?? `unknown ${column.type}`, nullable: column.notnull === 0 };
      const primaryKey = info.filter((column) => column.pk > 0).sort((a, b) => a.pk - b.pk).map((column) => column.name);
      const indexes = (db.prepare(`SELECT name, "unique", origin FROM pragma_index_list(?)`).all(table) as { name: string; unique: number; origin: string }[])
        .filter((index) => index.origin !== "pk")
        .map((index) => {
          const cols = (db.prepare(`SELECT name FROM pragma_index_info(?) ORDER BY seqno`).all(index.name) as { name: string }[]).map((c) => c.name);
          return `${index.unique ? "unique " : ""}${index.name}(${cols.join(",")})`;
        })
        .sort();
      const keys = db.prepare(`SELECT id, seq, "table", "from", "to", on_delete FROM pragma_foreign_key_list(?) ORDER BY id, seq`).all(table) as {
        id: number;
        table: string;
        from: string;
        to: string;
        on_delete: string;
      }[];
      const byId = new Map<number, typeof keys>();
      for (const key of keys) byId.set(key.id, [...(byId.get(key.id) ?? []), key]);
      const foreignKeys = [...byId.values()]
        .map((parts) => `${parts.map((p) => p.from).join(",")} -> ${parts[0].table}(${parts.map((p) => p.to).join(",")}) on delete ${parts[0].on_delete}`)
        .sort();
      shape[table] = { columns, primaryKey, indexes, foreignKeys };
    }
    return shape;
  } finally {
    db.close();
  }
}

const POSTGRES_TYPES: Record<string, string> = {
  integer: "int",
  bigint: "bigint",
  "double precision": "float",
  text: "text",
  boolean: "boolean",
  jsonb: "json",
  bytea: "bytes",
  numeric: "decimal",
};

const POSTGRES_ON_DELETE: Record<string, string> = { a: "NO ACTION", r: "RESTRICT", c: "CASCADE", n: "SET NULL", d: "SET DEFAULT" };

export async function postgresShape(url: string): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const columns = await client.query<{ table_name: string; column_name: string; data_type: string; is_nullable: string; datetime_precision: number | null }>(
      `SELECT table_name, column_name, data_type, is_nullable, datetime_precision FROM information_schema.columns
        WHERE table_schema = 'public' ORDER BY table_name, ordinal_position`,
    );
    const shape: SchemaShape = {};
    for (const column of columns.rows) {
      if (IGNORED_TABLES.has(column.table_name)) continue;
      const table = (shape[column.table_name] ??= { columns: {}, primaryKey: [], indexes: [], foreignKeys: [] });
      // Prisma's DateTime is TIMESTAMP(3): any other timestamp would drift in precision.
      const type =
        column.data_type === "timestamp without time zone" && column.datetime_precision === 3
          ? "datetime"
          : (POSTGRES_TYPES[column.data_type] ?? `unknown ${column.data_type}(${column.datetime_precision})`);
      table.columns[column.column_name] = { type, nullable: column.is_nullable === "YES" };
    }
    const indexes = await client.query<{ table_name: string; index_name: string; is_unique: boolean; is_primary: boolean; columns: string[] }>(
      `SELECT t.relname AS table_name, i.relname AS index_name, x.indisunique AS is_unique, x.indisprimary AS is_primary,
              array(SELECT a.attname FROM unnest(x.indkey) WITH ORDINALITY AS k(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns
         FROM pg_index x JOIN pg_class t ON t.oid = x.indrelid JOIN pg_class i ON i.oid = x.indexrelid
         JOIN pg_namespace ns ON ns.oid = t.relnamespace WHERE ns.nspname = 'public'`,
    );
    for (const index of indexes.rows) {
      const table = shape[index.table_name];
      if (!table) continue;
      if (index.is_primary) table.primaryKey = index.columns;
      else table.indexes.push(`${index.is_unique ? "unique " : ""}${index.index_name}(${index.columns.join(",")})`);
    }
    const keys = await client.query<{ table_name: string; columns: string[]; target: string; target_columns: string[]; on_delete: string }>(
      `SELECT t.relname AS table_name, f.relname AS target, c.confdeltype AS on_delete,
              array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY AS k(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS columns,
              array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY AS k(attnum, n)
                      JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum ORDER BY k.n)::text[] AS target_columns
         FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid JOIN pg_class f ON f.oid = c.confrelid
         JOIN pg_namespace ns ON ns.oid = t.relnamespace WHERE c.contype = 'f' AND ns.nspname = 'public'`,
    );
    for (const key of keys.rows) {
      shape[key.table_name]?.foreignKeys.push(
        `${key.columns.join(",")} -> ${key.target}(${key.target_columns.join(",")}) on delete ${POSTGRES_ON_DELETE[key.on_delete]}`,
      );
    }
    for (const table of Object.values(shape)) {
      table.indexes.sort();
      table.foreignKeys.sort();
    }
    return Object.fromEntries(Object.entries(shape).sort(([a], [b]) => a.localeCompare(b)));
  } finally {
    await client.end();
  }
}

/** The generated client's runtime data model (which fields each model has, their Prisma types and relations). */
export type RuntimeDataModel = {
  models: Record<string, { fields: { name: string; kind: string; type: string; relationName?: string }[]; dbName: string | null }>;
};

const PRISMA_TYPES: Record<string, string> = {
  Int: "int",
  BigInt: "bigint",
  Float: "float",
  String: "text",
  Boolean: "boolean",
  DateTime: "datetime",
  Json: "json",
  Bytes: "bytes",
  Decimal: "decimal",
};

const PRISMA_ON_DELETE: Record<string, string> = { Cascade: "CASCADE", Restrict: "RESTRICT", NoAction: "NO ACTION", SetNull: "SET NULL", SetDefault: "SET DEFAULT" };

/**
 * What the Prisma models say the database must hold. Field lists and types come from the generated client's
 * runtime data model; optionality, ids, unique and plain indexes and relations (which that model leaves out)
 * from the schema text, with Prisma's default constraint names.
 */
export function prismaShape(schemaText: string, dataModel: RuntimeDataModel): SchemaShape {
  const blocks = new Map<string, string[]>();
  for (const match of schemaText.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)) {
    blocks.set(match[1], match[2].split("\n").map((line) => line.replace(/\/\/.*$/, "").trim()).filter(Boolean));
  }
  const list = (text: string) => text.split(",").map((part) => part.trim()).filter(Boolean);
  const shape: SchemaShape = {};
  for (const [model, { fields, dbName }] of Object.entries(dataModel.models)) {
    const lines = blocks.get(model);
    if (!lines) throw new Error(`model ${model} is in the generated client but not in the schema text`);
    const line = (field: string) => lines.find((candidate) => candidate.split(/\s+/)[0] === field) ?? "";
    const table: TableShape = { columns: {}, primaryKey: [], indexes: [], foreignKeys: [] };
    const tableName = dbName ?? model;
    for (const field of fields) {
      const definition = line(field.name);
      if (field.kind === "scalar") {
        const typeToken = definition.split(/\s+/)[1] ?? "";
        table.columns[field.name] = { type: PRISMA_TYPES[field.type] ?? `unknown ${field.type}`, nullable: typeToken.endsWith("?") };
        if (/@id\b/.test(definition)) table.primaryKey = [field.name];
        if (/@unique\b/.test(definition)) table.indexes.push(`unique ${tableName}_${field.name}_key(${field.name})`);
      } else if (field.kind === "object") {
        const relation = /@relation\(([^)]*)\)/.exec(definition)?.[1];
        const from = relation && /fields:\s*\[([^\]]*)\]/.exec(relation)?.[1];
        if (!relation || !from) continue; // the side of a relation without the foreign key
        const to = /references:\s*\[([^\]]*)\]/.exec(relation)?.[1] ?? "";
        const optional = (definition.split(/\s+/)[1] ?? "").endsWith("?");
        const onDelete = /onDelete:\s*(\w+)/.exec(relation)?.[1] ?? (optional ? "SetNull" : "Restrict");
        table.foreignKeys.push(`${list(from).join(",")} -> ${field.type}(${list(to).join(",")}) on delete ${PRISMA_ON_DELETE[onDelete]}`);
      }
    }
    for (const attribute of lines.filter((candidate) => candidate.startsWith("@@"))) {
      const match = /^@@(id|unique|index)\(\s*\[([^\]]*)\]/.exec(attribute);
      if (!match) continue;
      const columns = list(match[2]);
      if (match[1] === "id") table.primaryKey = columns;
      else {
        const suffix = match[1] === "unique" ? "key" : "idx";
        table.indexes.push(`${match[1] === "unique" ? "unique " : ""}${tableName}_${columns.join("_")}_${suffix}(${columns.join(",")})`);
      }
    }
    table.indexes.sort();
    table.foreignKeys.sort();
    shape[tableName] = table;
  }
  return Object.fromEntries(Object.entries(shape).sort(([a], [b]) => a.localeCompare(b)));
}
