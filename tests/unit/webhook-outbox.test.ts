// The webhook outbox on a real, migrated SQLite file (no server).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { migrateSqlite } from "@/lib/server/db/migrate";
import { disconnectDb } from "@/lib/server/db/client";
import { webhookOutboxCases } from "../support/webhook-outbox-cases";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-outbox-"));
const dbFile = path.join(dir, "baton.db");
process.env.DATABASE_URL = `file:${dbFile}`;

beforeAll(() => {
  migrateSqlite(dbFile, path.resolve(__dirname, "../../prisma/migrations"));
});

afterAll(async () => {
  await disconnectDb();
  fs.rmSync(dir, { recursive: true, force: true });
});

webhookOutboxCases("SQLite");
