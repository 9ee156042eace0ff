// DATABASE_URL picks the database: PostgreSQL URLs, SQLite `file:` URLs or plain paths, and nothing else.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { databaseProvider, redactedDatabaseUrl, sqliteFilePath } from "@/lib/server/config";

const root = path.resolve(__dirname, "../..");
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

describe("DATABASE_URL", () => {
  it.each(["postgresql://baton:secret@db.internal:5432/baton", "postgres://baton@127.0.0.1/baton?sslmode=require", "POSTGRESQL://HOST/DB"])(
    "selects PostgreSQL for %s",
    (url) => expect(databaseProvider(url)).toBe("postgresql"),
  );

  it.each(["file:./data/baton.db", "file:/var/lib/baton/baton.db?connection_limit=1", "./data/baton.db", "/var/lib/baton.db", "baton.db"])(
    "selects SQLite for %s",
    (url) => expect(databaseProvider(url)).toBe("sqlite"),
  );

  it.each(["mysql://root@localhost/baton", "sqlserver://localhost", "postgresql:/missing-slashes", "mongodb+srv://cluster/baton", "http://example.test/db"])(
    "refuses %s with a message naming the accepted forms",
    (url) => expect(() => databaseProvider(url)).toThrow(/unsupported scheme .*postgresql:\/\/.*file:/),
  );

  it("resolves a SQLite file from a file: URL or a plain path, and never from a PostgreSQL URL", () => {
    expect(sqliteFilePath("file:/srv/baton.db?mode=rwc")).toBe("/srv/baton.db");
    expect(sqliteFilePath("/srv/baton.db")).toBe("/srv/baton.db");
    expect(() => sqliteFilePath("postgresql://h/db")).toThrow(/PostgreSQL/);
  });

  it("hides the password when it shows a PostgreSQL URL", () => {
    expect(redactedDatabaseUrl("postgresql://baton:hunter2@db:5432/baton")).toBe("postgresql://baton:***@db:5432/baton");
  });

  it("stops `npm start` with a clear error for an unsupported scheme, leaving no file or folder behind", () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-url-"));
    dirs.push(dataDir);
    const before = fs.readdirSync(root).sort();
    const result = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
      cwd: root,
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "mysql://root@localhost/baton", BATON_DATA_DIR: dataDir, PORT: "1" },
      timeout: 60_000,
    });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DATABASE_URL uses the unsupported scheme "mysql:"');
    expect(result.stderr).not.toMatch(/\n\s+at /); // a message, not a stack trace
    expect(fs.readdirSync(root).sort()).toEqual(before);
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });
});
