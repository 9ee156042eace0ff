// Moving a Baton from SQLite to PostgreSQL (`npm run db:copy`): data written through the API on SQLite is copied
// into an empty PostgreSQL database and served from there as before: tasks, checkpoints with their seqs, the event
// log, tokens and sessions; new rows continue after the copied ids.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { repoRoot } from "../support/cli";
import { client } from "../support/http";
import { postgresCluster } from "../support/postgres";
import { startServer, type RunningServer } from "../support/server";

const START_TIMEOUT = 300_000;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-copy-"));
const sqliteUrl = `file:${path.join(dataDir, "baton.db")}`;
const tokens = { adminToken: `baton_adm_copy_${Date.now()}`, agentToken: `baton_agt_copy_${Date.now()}` };
const cluster = postgresCluster(inject("postgresAdminUrl"));
let server: RunningServer | undefined;

afterAll(async () => {
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

type Page<T> = { items: T[]; nextAfter?: number | null };
type Event = { seq: number; type: string };

function copy(from: string, to: string) {
  return spawnSync(path.join(repoRoot, "node_modules", ".bin", "tsx"), ["scripts/copy-database.ts", "--from", from, "--to", to], {
    cwd: repoRoot,
    encoding: "utf8",
    timeout: 120_000,
  });
}

/** Everything a client can see of the arranged data. */
async function snapshot(call: ReturnType<typeof client>) {
  const events = await call<Page<Event>>(`/api/v1/tasks/moving/events`);
  return {
    task: (await call(`/api/v1/tasks/moving`)).body,
    checkpoints: (await call(`/api/v1/tasks/moving/checkpoints?limit=100`)).body,
    blockers: (await call(`/api/v1/tasks/moving/blockers`)).body,
    events: events.body.items,
    // lastUsedAt moves with every request, so it is left out.
    tokens: (await call<Page<{ lastUsedAt: string | null }>>(`/api/v1/tokens`, { token: tokens.adminToken })).body.items.map(({ lastUsedAt: _used, ...token }) => token),
  };
}

describe("copying a SQLite Baton into PostgreSQL", () => {
  it("serves the same tasks, checkpoints, events, tokens and sessions from PostgreSQL, and new rows follow the copied ones", { timeout: START_TIMEOUT * 2 }, async () => {
    server = await startServer({ DATABASE_URL: sqliteUrl }, { dataDir, ...tokens });
    const agent = client(server.url, tokens.agentToken);
    const admin = client(server.url, tokens.adminToken);
    expect((await agent(`/api/v1/tasks/moving`, { method: "PUT", json: { title: "Moving house", phases: [{ key: "pack" }, { key: "ship", requiresApproval: true }] } })).status).toBe(201);
    for (let i = 1; i <= 5; i++) expect((await agent(`/api/v1/tasks/moving/checkpoints`, { json: { summary: `box ${i}`, phase: "pack", metrics: { boxes: i } } })).status).toBe(201);
    expect((await agent(`/api/v1/tasks/moving/blockers`, { json: { title: "Van is late", kind: "dependency" } })).status).toBe(201);
    const minted = await admin<{ token: string }>(`/api/v1/tokens`, { json: { name: "mover" } });
    expect(minted.status).toBe(201);
    const login = await fetch(`${server.url}/login?token=${tokens.adminToken}`, { redirect: "manual" });
    const cookie = login.headers.get("set-cookie")!.split(";")[0];
    const before = await snapshot(agent);
    await server.stop({ keepData: true });
    server = undefined;

    const postgresUrl = await cluster.createDatabase();
    const copied = copy(sqliteUrl, postgresUrl);
    expect(copied.stderr).toBe("");
    expect(copied.status).toBe(0);
    expect(copied.stdout).toMatch(/Checkpoint\s+5 rows/);

    server = await startServer({ DATABASE_URL: postgresUrl }, { dataDir, ...tokens });
    const agentOnPostgres = client(server.url, tokens.agentToken);
    expect(await snapshot(agentOnPostgres)).toEqual(before);
    expect((await agentOnPostgres(`/api/v1/tasks`, { token: minted.body.token })).status).toBe(200);
    expect((await fetch(`${server.url}/api/v1/tasks`, { headers: { cookie } })).status).toBe(200);

    const next = await agentOnPostgres<{ seq: number }>(`/api/v1/tasks/moving/checkpoints`, { json: { summary: "box 6" } });
    expect(next.status).toBe(201);
    expect(next.body.seq).toBe(6);
    const events = (await agentOnPostgres<Page<Event>>(`/api/v1/tasks/moving/events`)).body.items;
    expect(events.slice(0, before.events.length)).toEqual(before.events);
    expect(events.at(-1)!.seq).toBeGreaterThan(before.events.at(-1)!.seq);
    expect((await agentOnPostgres(`/api/v1/tasks/another`, { method: "PUT", json: { title: "A new task gets a new id" } })).status).toBe(201);

    // A second copy into the now non-empty database is refused and changes nothing.
    const again = copy(sqliteUrl, postgresUrl);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/already holds data/);
    expect((await agentOnPostgres<Page<unknown>>(`/api/v1/tasks/moving/checkpoints?limit=100`)).body.items).toHaveLength(6);
  });

  it("refuses a source or target of the wrong kind with a clear message", () => {
    const wrong = copy("postgresql://127.0.0.1/x", sqliteUrl);
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/--from must be a SQLite database/);
  });
});
