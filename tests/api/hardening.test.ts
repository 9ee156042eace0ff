import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adminToken, api, baseUrl, uniqueKey } from "./context";
import { client } from "../support/http";
import { startServer, testingOnPostgres, type RunningServer } from "../support/server";
import { openTestDatabase } from "../support/database";

const asPerson = { token: adminToken };

describe("POST /login", () => {
  const form = (token: string) => ({ method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `token=${token}`, redirect: "manual" as const });

  it("still logs a person in from the form", async () => {
    const response = await fetch(`${baseUrl}/login`, form(adminToken));
    expect(response.status).toBe(303);
    expect(response.headers.get("set-cookie")).toMatch(/^baton_session=/);
  });

  it("refuses a body over 4 KiB with 413 problem+json and no session", async () => {
    const response = await fetch(`${baseUrl}/login`, form(`${adminToken}${"x".repeat(4 * 1024)}`));
    expect(response.status).toBe(413);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.json()).toMatchObject({ status: 413, type: expect.stringMatching(/payload-too-large$/) });
  });

  it("answers 413 as soon as 4 KiB have arrived, without waiting for the rest of an endless body", async () => {
    const request = http.request(`${baseUrl}/login`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "transfer-encoding": "chunked" },
    });
    request.on("error", () => {}); // the server may close the socket under our still-open upload
    const answered = new Promise<number>((resolve) => request.on("response", (response) => resolve(response.statusCode ?? 0)));
    request.write(`token=${"x".repeat(8 * 1024)}`);
    try {
      // The request is never ended: the old handler read the whole form first and never answered.
      expect(await Promise.race([answered, new Promise((resolve) => setTimeout(() => resolve("no answer"), 10_000))])).toBe(413);
    } finally {
      request.destroy();
    }
  });
});

describe("a malformed session cookie", () => {
  const cookie = "baton_session=%E0%A4%A";

  it("is 401 on the API, never 500", async () => {
    const response = await api(`/api/v1/tasks`, { token: null, headers: { cookie } });
    expect(response.status).toBe(401);
    expect(response.headers.get("content-type")).toContain("application/problem+json");
  });

  it("shows the login page and lets logout answer without an error", async () => {
    const page = await fetch(`${baseUrl}/`, { headers: { cookie } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain("Log in to Baton");
    const logout = await fetch(`${baseUrl}/logout`, { method: "POST", headers: { cookie, origin: baseUrl }, redirect: "manual" });
    expect(logout.status).toBeLessThan(500);
  });
});

describe("framing", () => {
  it.each(["/", "/approvals", "/api/health", "/api/v1/tasks", "/api/openapi.json"])("%s refuses to be framed by any site", async (pathname) => {
    const response = await fetch(`${baseUrl}${pathname}`, { redirect: "manual" });
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
  });
});

describe("webhook targets", () => {
  const create = (url: string) => api<{ id: string; errors?: { path: string }[] }>(`/api/v1/webhooks`, { json: { url, events: ["handoff.created"], secret: "whsec_targets_0123456789" }, ...asPerson });
  const count = async () => (await api<{ items: unknown[] }>(`/api/v1/webhooks`, asPerson)).body.items.length;

  it.each([
    "http://169.254.169.254/latest/meta-data/iam/",
    "http://169.254.1.2:8080/hook",
    "http://2852039166/", // 169.254.169.254 as one decimal number
    "http://0xa9.0xfe.0xa9.0xfe/",
    "http://[fe80::1]/hook",
    "http://[febf::abcd]:9000/",
    "http://[::ffff:169.254.169.254]/",
    "http://metadata.google.internal/computeMetadata/v1/",
    "http://METADATA.GOOGLE.INTERNAL./",
  ])("refuses %s with 422 and stores nothing", async (url) => {
    const before = await count();
    const response = await create(url);
    expect(response.status).toBe(422);
    expect(response.body.errors).toEqual([expect.objectContaining({ path: "url" })]);
    expect(await count()).toBe(before);
  });

  it("accepts loopback and private addresses (local bridges to chat tools)", async () => {
    for (const url of ["http://127.0.0.1:9/hook", "http://[::1]:9/hook", "http://10.1.2.3/hook", "http://192.168.0.10:8080/hook"]) {
      const response = await create(url);
      expect(response.status).toBe(201);
      await api(`/api/v1/webhooks/${response.body.id}`, { method: "DELETE", ...asPerson });
    }
  });
});

describe("staleAfterSeconds", () => {
  it("accepts any whole number of seconds from 1, and a 1 s task goes stale after a second of silence", async () => {
    const key = uniqueKey("stale-fast");
    expect((await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Quick", staleAfterSeconds: 1 } })).status).toBe(201);
    await api(`/api/v1/tasks/${key}/checkpoints`, { json: { summary: "working" } });
    await expect.poll(async () => (await api<{ status: string }>(`/api/v1/tasks/${key}`)).body.status, { timeout: 5_000 }).toBe("stale");
    for (const bad of [0, -1, 1.5]) {
      expect((await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Quick", staleAfterSeconds: bad } })).status).toBe(422);
    }
    expect((await api<{ staleAfterSeconds: number }>(`/api/v1/tasks/${key}`)).body.staleAfterSeconds).toBe(1);
  });
});

describe("a fresh data folder", () => {
  let parent: string;
  let server: RunningServer;
  beforeAll(async () => {
    parent = fs.mkdtempSync(path.join(os.tmpdir(), "baton-perms-"));
    // No fixed agent token: the generated one is written to secrets.json.
    server = await startServer({ BATON_AGENT_TOKEN: "" }, { dataDir: path.join(parent, "nested", "data") });
  }, 300_000);
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(parent, { recursive: true, force: true });
  });

  const mode = (file: string) => (fs.statSync(file).mode & 0o777).toString(8);

  it("is created 0700, with the database files and the secrets 0600", async () => {
    const write = await client(server.url, server.adminToken)(`/api/v1/tasks/perms`, { method: "PUT", json: { title: "Write something" } });
    expect(write.status).toBe(201);
    expect(mode(server.dataDir)).toBe("700");
    // On PostgreSQL the data folder holds only the secrets.
    for (const file of [...(testingOnPostgres() ? [] : ["baton.db", "baton.db-wal", "baton.db-shm"]), "secrets.json"]) {
      expect([file, mode(path.join(server.dataDir, file))]).toEqual([file, "600"]);
    }
  });

  it("makes /api/health answer 503 without the database's error text when the database is damaged", async () => {
    if (testingOnPostgres()) {
      // The table the check reads disappears behind the server's back.
      const db = openTestDatabase(server.databaseUrl);
      await db.query(`ALTER TABLE "_prisma_migrations" RENAME TO "_prisma_migrations_lost"`);
      await db.close();
    } else {
      damageSqliteFile(server.databaseFile);
    }

    const response = await fetch(`${server.url}/api/health`);
    expect(response.status).toBe(503);
    const text = await response.text();
    expect(JSON.parse(text)).toMatchObject({ status: "error", database: { status: "error" } });
    expect(text).not.toMatch(/malformed|corrupt|sqlite|postgres|relation|prisma|_prisma_migrations|baton\.db|invocation/i);
  });
});

/** Overwrites the page holding `_prisma_migrations` with garbage. */
function damageSqliteFile(databaseFile: string) {
  const inspect = new Database(databaseFile, { readonly: true });
  const { rootpage } = inspect.prepare(`SELECT rootpage FROM sqlite_schema WHERE name = '_prisma_migrations'`).get() as { rootpage: number };
  const pageSize = inspect.pragma("page_size", { simple: true }) as number;
  inspect.close();
  const file = fs.openSync(databaseFile, "r+");
  fs.writeSync(file, Buffer.alloc(pageSize, 0xff), 0, pageSize, (rootpage - 1) * pageSize);
  fs.closeSync(file);
  // Another process commits, so the server drops the pages it had cached and reads the file again.
  const writer = new Database(databaseFile);
  writer.pragma("user_version = 7");
  writer.close();
}
