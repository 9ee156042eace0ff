// The scheduler's housekeeping functions against a real, migrated SQLite file (no server).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateSqlite } from "@/lib/server/db/migrate";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-housekeeping-"));
const HOUR = 3600 * 1000;
const now = new Date("2026-12-01T12:00:00Z");

let modules: {
  disconnectDb: typeof import("@/lib/server/db/client").disconnectDb;
  reader: typeof import("@/lib/server/db/transaction").reader;
  transaction: typeof import("@/lib/server/db/transaction").transaction;
  pruneIdempotencyRecords: typeof import("@/lib/server/http/idempotency").pruneIdempotencyRecords;
  deleteExpiredSessions: typeof import("@/lib/server/auth/sessions").deleteExpiredSessions;
};

beforeAll(async () => {
  const file = path.join(dir, "baton.db");
  migrateSqlite(file, path.resolve(__dirname, "../../prisma/migrations"));
  // The client reads DATABASE_URL when it is first imported.
  process.env.DATABASE_URL = `file:${file}`;
  modules = {
    ...(await import("@/lib/server/db/client")),
    ...(await import("@/lib/server/db/transaction")),
    ...(await import("@/lib/server/http/idempotency")),
    ...(await import("@/lib/server/auth/sessions")),
  };
});

afterAll(async () => {
  await modules?.disconnectDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("housekeeping", () => {
  it("prunes idempotency records older than 24 h and keeps younger ones", async () => {
    // Arranged through the write helper: the reader is a read-only connection.
    await modules.transaction(async (tx) => {
      const record = (key: string, ageMs: number) =>
        tx.idempotencyRecord.create({ data: { scope: "POST /x", key, requestHash: "h", status: 201, responseBody: "{}", createdAt: new Date(now.getTime() - ageMs) } });
      await record("day-and-a-minute", 24 * HOUR + 60_000);
      await record("a-week", 7 * 24 * HOUR);
      await record("23-hours", 23 * HOUR);
      await record("just-now", 0);
    });
    const tx = await modules.reader();

    expect(await modules.pruneIdempotencyRecords(now.getTime())).toBe(2);
    const left = await tx.idempotencyRecord.findMany({ orderBy: { key: "asc" }, select: { key: true } });
    expect(left.map((r) => r.key)).toEqual(["23-hours", "just-now"]);
    expect(await modules.pruneIdempotencyRecords(now.getTime())).toBe(0);
  });

  it("deletes expired sessions and keeps live ones", async () => {
    await modules.transaction(async (tx) => {
      await tx.apiToken.create({ data: { id: "tok-admin", name: "admin", scope: "admin", tokenHash: "hash-admin", prefix: "baton_adm_" } });
      await tx.person.create({ data: { name: "owner", displayName: "Owner", role: "admin" } });
      const session = (id: string, expiresInMs: number) =>
        tx.session.create({ data: { id, tokenHash: `hash-${id}`, personName: "owner", tokenId: "tok-admin", expiresAt: new Date(now.getTime() + expiresInMs) } });
      await session("expired-yesterday", -24 * HOUR);
      await session("expired-just-now", 0);
      await session("live", HOUR);
    });
    const tx = await modules.reader();

    expect(await modules.deleteExpiredSessions(now)).toBe(2);
    expect((await tx.session.findMany({ select: { id: true } })).map((s) => s.id)).toEqual(["live"]);
  });
});
