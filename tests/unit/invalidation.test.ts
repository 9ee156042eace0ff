// Cache invalidation inside one process (SQLite; the cross-instance half is tests/api/instances.test.ts):
// caches are cleared when the change commits, never when it rolls back, and a load that raced an
// invalidation can tell.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateSqlite } from "@/lib/server/db/migrate";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-invalidation-"));
const dbFile = path.join(dir, "baton.db");
process.env.DATABASE_URL = `file:${dbFile}`;

const { transaction } = await import("@/lib/server/db/transaction");
const { disconnectDb } = await import("@/lib/server/db/client");
const { cacheGeneration, invalidate, onInvalidate } = await import("@/lib/server/cluster/invalidation");

beforeAll(() => {
  migrateSqlite(dbFile, path.resolve(__dirname, "../../prisma/migrations"));
});

afterAll(async () => {
  await disconnectDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("invalidate()", () => {
  it("clears the caches of its kind once the transaction commits, and only those", async () => {
    const cleared: string[] = [];
    onInvalidate("tokens", () => cleared.push("tokens"));
    onInvalidate("webhooks", () => cleared.push("webhooks"));
    const before = cacheGeneration("tokens");
    await transaction(async (tx) => {
      await invalidate(tx, "tokens");
      expect(cleared).toEqual([]);
      expect(cacheGeneration("tokens")).toBe(before);
    });
    expect(cleared).toEqual(["tokens"]);
    expect(cacheGeneration("tokens")).toBe(before + 1);
    expect(cacheGeneration("webhooks")).toBe(0);
  });

  it("clears nothing when the change rolls back", async () => {
    const cleared: string[] = [];
    onInvalidate("webhooks", () => cleared.push("webhooks"));
    const before = cacheGeneration("webhooks");
    await expect(
      transaction(async (tx) => {
        await invalidate(tx, "webhooks");
        throw new Error("the write failed after asking for the invalidation");
      }),
    ).rejects.toThrow("the write failed");
    expect(cleared).toEqual([]);
    expect(cacheGeneration("webhooks")).toBe(before);
  });
});
