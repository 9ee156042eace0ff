// What survives `npm start` restarts on the same data folder: revocations, and sessions only with their admin token.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hashSecret } from "@/lib/server/auth/secrets";
import { client } from "../support/http";
import { startServer, type RunningServer } from "../support/server";
import { openTestDatabase } from "../support/database";

const START_TIMEOUT = 300_000;

async function logIn(server: RunningServer, adminToken = server.adminToken): Promise<string | null> {
  const response = await fetch(`${server.url}/login?token=${adminToken}`, { redirect: "manual" });
  return response.headers.get("set-cookie")?.split(";")[0] ?? null;
}

async function statusWithCookie(server: RunningServer, cookie: string): Promise<number> {
  return (await fetch(`${server.url}/api/v1/tasks`, { headers: { cookie } })).status;
}

async function statusWithToken(server: RunningServer, token: string): Promise<number> {
  return (await fetch(`${server.url}/api/v1/tasks`, { headers: { authorization: `Bearer ${token}` } })).status;
}

describe("bootstrap tokens and sessions across restarts", () => {
  const dataDir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "baton-restarts-")), "data");
  const first = { adminToken: `baton_adm_first_${Date.now()}`, agentToken: `baton_agt_first_${Date.now()}` };
  let server: RunningServer | undefined;

  afterAll(async () => {
    await server?.stop();
    fs.rmSync(path.dirname(dataDir), { recursive: true, force: true });
  });

  it("keeps a revoked agent token revoked and a session alive while BATON_ADMIN_TOKEN is unchanged", { timeout: START_TIMEOUT }, async () => {
    server = await startServer({}, { dataDir, ...first });
    const cookie = (await logIn(server))!;
    expect(await statusWithCookie(server, cookie)).toBe(200);
    const asAdmin = client(server.url, server.adminToken);
    const tokens = await asAdmin<{ items: { id: string; scope: string; revokedAt: string | null }[] }>(`/api/v1/tokens`);
    const agent = tokens.body.items.find((t) => t.scope === "agent")!;
    expect((await asAdmin(`/api/v1/tokens/${agent.id}`, { method: "DELETE" })).status).toBe(200);
    expect(await statusWithToken(server, first.agentToken)).toBe(401);
    await server.stop({ keepData: true });

    server = await startServer({}, { dataDir, ...first });
    expect(await statusWithToken(server, first.agentToken)).toBe(401);
    expect(await statusWithCookie(server, cookie)).toBe(200);
    await server.stop({ keepData: true });
  });

  it("ends the old admin token's sessions when BATON_ADMIN_TOKEN changes, and treats new token values as new tokens", { timeout: START_TIMEOUT }, async () => {
    const before = (await logIn((server = await startServer({}, { dataDir, ...first }))))!;
    await server.stop({ keepData: true });

    const second = { adminToken: `baton_adm_second_${Date.now()}`, agentToken: `baton_agt_second_${Date.now()}` };
    server = await startServer({}, { dataDir, ...second });
    expect(await statusWithCookie(server, before)).toBe(401);
    expect(await logIn(server, first.adminToken)).toBeNull();
    expect(await statusWithToken(server, first.agentToken)).toBe(401);
    expect(await statusWithToken(server, second.agentToken)).toBe(200);
    const after = (await logIn(server))!;
    expect(await statusWithCookie(server, after)).toBe(200);

    // Revoking the admin token behind the server's back (another instance, an operator) ends its sessions too.
    const db = openTestDatabase(server.databaseUrl);
    const now = await db.storedDate(new Date(), { table: "ApiToken", column: "createdAt" });
    await db.query(`UPDATE "ApiToken" SET "revokedAt" = ? WHERE "scope" = 'admin' AND "revokedAt" IS NULL`, now);
    await db.close();
    expect(await statusWithCookie(server, after)).toBe(401);
    await server.stop({ keepData: true });
  });
});

describe("the server's housekeeping", () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ BATON_HOUSEKEEPING_MS: "200" });
  }, START_TIMEOUT);
  afterAll(() => server?.stop());

  it("deletes idempotency records older than 24 h and expired sessions on its own, and keeps the rest", async () => {
    const agent = client(server.url, server.agentToken);
    await agent(`/api/v1/tasks/kept`, { method: "PUT", json: { title: "Housekeeping" } });
    for (const key of ["old", "young"]) {
      expect((await agent(`/api/v1/tasks/kept/checkpoints`, { json: { summary: key }, headers: { "idempotency-key": key } })).status).toBe(201);
    }
    const expired = (await logIn(server))!;
    const live = (await logIn(server))!;

    const db = openTestDatabase(server.databaseUrl);
    const dayOld = await db.storedDate(new Date(Date.now() - 25 * 3600 * 1000), { table: "IdempotencyRecord", column: "createdAt" });
    await db.query(`UPDATE "IdempotencyRecord" SET "createdAt" = ? WHERE "key" = 'old'`, dayOld);
    const sessionId = async (cookie: string) =>
      (await db.query<{ id: string }>(`SELECT "id" FROM "Session" WHERE "tokenHash" = ?`, hashSecret(cookie.split("=")[1])))[0].id;
    const [expiredId, liveId] = [await sessionId(expired), await sessionId(live)];
    const past = await db.storedDate(new Date(Date.now() - 1000), { table: "Session", column: "expiresAt" });
    await db.query(`UPDATE "Session" SET "expiresAt" = ? WHERE "id" = ?`, past, expiredId);

    const left = async () => ({
      records: (await db.query<{ key: string }>(`SELECT "key" FROM "IdempotencyRecord" ORDER BY "key"`)).map((r) => r.key),
      sessions: (await db.query<{ id: string }>(`SELECT "id" FROM "Session"`)).map((s) => s.id),
    });
    try {
      await expect.poll(left, { timeout: 10_000 }).toEqual({ records: ["young"], sessions: [liveId] });
    } finally {
      await db.close();
    }
    expect(await statusWithCookie(server, expired)).toBe(401);
    expect(await statusWithCookie(server, live)).toBe(200);
  });
});
