// Direct access to a Baton database, SQLite file or PostgreSQL database alike, for arranging what the API cannot
// (an old lastActivityAt, an approval decided by a person, a large seeded log) and for checking what was written.
// Write SQL both accept: double-quoted identifiers, `?` placeholders (numbered for PostgreSQL here).
import Database from "better-sqlite3";
import pg from "pg";

export type TestDatabase = {
  provider: "sqlite" | "postgresql";
  query: <T = Record<string, unknown>>(sql: string, ...params: unknown[]) => Promise<T[]>;
  /** A date as the server's Prisma adapter stores it in a DateTime column (SQLite: read off an existing value of `sample`). */
  storedDate: (date: Date, sample?: { table: string; column: string }) => Promise<string | number>;
  close: () => Promise<void>;
};

export function openTestDatabase(databaseUrl: string): TestDatabase {
  return databaseUrl.startsWith("file:") ? sqliteDatabase(databaseUrl.slice("file:".length)) : postgresDatabase(databaseUrl);
}

function sqliteDatabase(file: string): TestDatabase {
  let handle: Database.Database | undefined;
  const db = () => {
    if (!handle) {
      handle = new Database(file);
      handle.pragma("busy_timeout = 10000");
    }
    return handle;
  };
  const query = async <T,>(sql: string, ...params: unknown[]) => {
    const statement = db().prepare(sql);
    if (statement.reader) return statement.all(...params) as T[];
    statement.run(...params);
    return [];
  };
  return {
    provider: "sqlite",
    query,
    storedDate: async (date, { table, column } = { table: "Task", column: "createdAt" }) => {
      // The better-sqlite3 adapter's format, whichever it is: read it off a row it wrote.
      const [sample] = await query<{ value: string | number }>(`SELECT "${column}" AS value FROM "${table}" LIMIT 1`);
      return typeof sample?.value === "number" ? date.getTime() : date.toISOString();
    },
    close: async () => {
      handle?.close();
    },
  };
}

function postgresDatabase(url: string): TestDatabase {
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  return {
    provider: "postgresql",
    query: async <T,>(sql: string, ...params: unknown[]) => {
      let n = 0;
      const numbered = sql.replace(/\?/g, () => `$${++n}`);
      const { rows, fields } = await pool.query(numbered, params);
      // count(*) and other bigints come back as strings from pg; as numbers, like SQLite's.
      const bigints = fields.filter((field) => field.dataTypeID === pg.types.builtins.INT8).map((field) => field.name);
      for (const row of rows) for (const name of bigints) if (row[name] !== null) row[name] = Number(row[name]);
      return rows as T[];
    },
    // A TIMESTAMP(3) column keeps the UTC wall clock Prisma writes; PostgreSQL ignores the zone of an ISO string there.
    storedDate: async (date) => date.toISOString(),
    close: () => pool.end(),
  };
}

/** JSON columns: text on SQLite, parsed by pg on PostgreSQL. */
export function jsonValue<T>(value: unknown): T {
  return (typeof value === "string" ? JSON.parse(value) : value) as T;
}
