// The webhook outbox on a real, throwaway PostgreSQL cluster (no server): the claim takes the
// `FOR UPDATE SKIP LOCKED` path there.
import path from "node:path";
import { afterAll, beforeAll } from "vitest";
import { migratePostgres, migrationsDir } from "@/lib/server/db/migrate";
import { disconnectDb } from "@/lib/server/db/client";
import { startPostgres, type PostgresCluster } from "../support/postgres";
import { webhookOutboxCases } from "../support/webhook-outbox-cases";

let cluster: PostgresCluster;

beforeAll(async () => {
  cluster = await startPostgres();
  const url = await cluster.createDatabase();
  await migratePostgres(url, migrationsDir(path.resolve(__dirname, "../.."), "postgresql"));
  process.env.DATABASE_URL = url;
}, 60_000);

afterAll(async () => {
  await disconnectDb();
  await cluster?.stop();
});

webhookOutboxCases("PostgreSQL");
