// Direct access to the test server's SQLite file, for arranging what the API cannot
// (an old lastActivityAt, an approval decided by a person) and for checking what was written.
import Database from "better-sqlite3";
import { inject } from "vitest";

let handle: Database.Database | undefined;

export function testDb(): Database.Database {
  if (!handle) {
    handle = new Database(inject("databaseFile"));
    handle.pragma("busy_timeout = 10000");
  }
  return handle;
}

/** Encodes a date the way the server's Prisma adapter stored `Task.createdAt`, whichever format that is. */
export function storedDate(date: Date): string | number {
  const sample = testDb().prepare(`SELECT createdAt FROM "Task" LIMIT 1`).get() as { createdAt: string | number } | undefined;
  return typeof sample?.createdAt === "number" ? date.getTime() : date.toISOString();
}

export function taskId(key: string): number {
  return (testDb().prepare(`SELECT id FROM "Task" WHERE key = ?`).get(key) as { id: number }).id;
}

export function events(key: string): { type: string; payload: Record<string, unknown> }[] {
  const rows = testDb().prepare(`SELECT type, payload FROM "Event" WHERE taskKey = ? ORDER BY seq`).all(key) as { type: string; payload: string }[];
  return rows.map((row) => ({ type: row.type, payload: JSON.parse(row.payload) as Record<string, unknown> }));
}
