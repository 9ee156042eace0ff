// The API suite's shared server database (see ./database.ts), and the look-ups many tests share.
import { inject } from "vitest";
import { jsonValue, openTestDatabase, type TestDatabase } from "./database";

let shared: TestDatabase | undefined;

/** The database of the API suite's shared server. */
export function testDb(): TestDatabase {
  return (shared ??= openTestDatabase(inject("databaseUrl")));
}

export async function taskId(key: string, db = testDb()): Promise<number> {
  const [row] = await db.query<{ id: number }>(`SELECT "id" FROM "Task" WHERE "key" = ?`, key);
  return row.id;
}

export async function events(key: string, db = testDb()): Promise<{ type: string; actor: string | null; payload: Record<string, unknown> }[]> {
  const rows = await db.query<{ type: string; actor: string | null; payload: unknown }>(
    `SELECT "type", "actor", "payload" FROM "Event" WHERE "taskKey" = ? ORDER BY "seq"`,
    key,
  );
  return rows.map((row) => ({ type: row.type, actor: row.actor, payload: jsonValue<Record<string, unknown>>(row.payload) }));
}
