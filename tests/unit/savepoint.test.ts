// The batch endpoint's isolation rests on SAVEPOINTs inside Prisma's interactive transaction on
// better-sqlite3; this checks it on a real SQLite file, events included.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { migrateSqlite } from "@/lib/server/db/migrate";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-savepoint-"));
const dbFile = path.join(dir, "baton.db");
process.env.DATABASE_URL = `file:${dbFile}`;

const { onCommit, reader, savepoint, transaction } = await import("@/lib/server/db/transaction");
const { disconnectDb } = await import("@/lib/server/db/client");

beforeAll(() => {
  migrateSqlite(dbFile, path.resolve(__dirname, "../../prisma/migrations"));
});

afterAll(async () => {
  await disconnectDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe("savepoint()", () => {
  it("undoes only the failing piece of work and drops the callbacks it queued; the rest commits", async () => {
    const published: string[] = [];
    const results = await transaction(async () => {
      const outcomes: string[] = [];
      for (const key of ["sp-a", "sp-b", "sp-c"]) {
        try {
          await savepoint(async (tx) => {
            await tx.task.create({ data: { key, title: key } });
            onCommit(() => published.push(key));
            if (key === "sp-b") throw new Error("gate refused after writing");
          });
          outcomes.push(`${key}:ok`);
        } catch {
          outcomes.push(`${key}:undone`);
        }
      }
      return outcomes;
    });
    expect(results).toEqual(["sp-a:ok", "sp-b:undone", "sp-c:ok"]);
    expect(published).toEqual(["sp-a", "sp-c"]);
    const keys = (await (await reader()).task.findMany({ where: { key: { startsWith: "sp-" } }, orderBy: { key: "asc" } })).map((t) => t.key);
    expect(keys).toEqual(["sp-a", "sp-c"]);
  });

  it("opens its own transaction when called outside one", async () => {
    await expect(
      savepoint(async (tx) => {
        await tx.task.create({ data: { key: "sp-alone", title: "alone" } });
        throw new Error("no");
      }),
    ).rejects.toThrow("no");
    expect(await (await reader()).task.findUnique({ where: { key: "sp-alone" } })).toBeNull();
  });
});
