import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { batonFor } from "../support/cli";
import { client } from "../support/http";
import { freePort, startServer, type RunningServer } from "../support/server";
import { agentToken, api, baseUrl, uniqueKey } from "./context";

vi.setConfig({ testTimeout: 300_000 });

const identity = {
  port: 0,
  dataDir: fs.mkdtempSync(path.join(os.tmpdir(), "baton-cli-restart-")),
  adminToken: `baton_adm_test_${Math.random().toString(36).slice(2)}`,
  agentToken: `baton_agt_test_${Math.random().toString(36).slice(2)}`,
};
let server: RunningServer | null = null;

afterAll(async () => {
  await server?.stop({ keepData: true });
  fs.rmSync(identity.dataDir, { recursive: true, force: true });
});

/** A process id that no longer exists: the holder of a lock left behind by a crash. */
function deadPid(): number {
  return Number(spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" }).stdout);
}

describe("the offline queue across a server restart", () => {
  it("queues writes while Baton is down, sends them once in order after the restart, even after a crash mid-flush or two flushes at once", async () => {
    identity.port = await freePort();
    server = await startServer({}, identity);
    const baton = batonFor(server.url, identity.agentToken);
    const api = client(server.url, identity.agentToken);
    const key = "backfill-offline";
    expect((await baton(["task", "put", key, "--title", "Backfill", "--phase", "backfill"])).code).toBe(0);

    await server.stop({ keepData: true });
    server = null;
    const offline = [
      ["checkpoint", key, "--summary", "batch 71", "--phase", "backfill", "--progress", "710000/1000000", "--resume-from", "record 710000"],
      ["checkpoint", key, "--summary", "batch 72", "--phase", "backfill", "--progress", "720000/1000000", "--resume-from", "record 720000"],
      ["note", key, "--phase", "backfill"],
      ["heartbeat", key],
      ["phase", key, "backfill", "active"],
      ["block", key, "--title", "Replica lag", "--kind", "resource"],
      ["checkpoint", key, "--summary", "batch 73", "--phase", "backfill", "--progress", "730000/1000000", "--resume-from", "record 730000"],
    ];
    for (const args of offline) {
      const result = await baton(args, { input: "=== CHECKPOINT: note while offline ===\n- rows copied\nNEXT ACTIONS:\n- batch 73\n" });
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain("Cannot reach Baton");
      expect(result.stdout).toMatch(/^queued \(\d+ waiting\)/);
    }
    const queued = fs.readFileSync(baton.queue, "utf8").trim().split("\n");
    expect(queued).toHaveLength(7);
    expect(new Set(queued.map((line) => (JSON.parse(line) as { idempotencyKey: string }).idempotencyKey)).size).toBe(7);
    const notQueued = await baton(["task", "show", key]);
    expect(notQueued.code).toBe(1);
    expect(notQueued.stderr).toContain("Cannot reach Baton");

    server = await startServer({}, identity);
    const beforeFlush = fs.readFileSync(baton.queue, "utf8");
    const [first, second] = await Promise.all([baton(["flush", "--json"]), baton(["flush", "--json"])]);
    expect([first.code, second.code]).toEqual([0, 0]);
    const sent = [first, second].map((r) => (JSON.parse(r.stdout) as { sent: number }).sent);
    expect(sent[0] + sent[1]).toBe(7);
    expect(fs.readFileSync(baton.queue, "utf8")).toBe("");

    const checkpoints = async () => (await api<{ items: { summary: string; seq: number }[] }>(`/api/v1/tasks/${key}/checkpoints`)).body.items;
    const expected = ["batch 73", "note while offline", "batch 72", "batch 71"];
    expect((await checkpoints()).map((c) => c.summary).slice(0, 4)).toEqual(expected);

    // A crash after the batch was sent but before the entries left the file: the next command resends them.
    fs.writeFileSync(baton.queue, beforeFlush);
    fs.writeFileSync(`${baton.queue}.lock`, String(deadPid()));
    const next = await baton(["task", "show", key, "--json"]);
    expect(next.code, next.stderr).toBe(0);
    expect(fs.readFileSync(baton.queue, "utf8")).toBe("");
    expect(fs.existsSync(`${baton.queue}.lock`)).toBe(false);
    const task = JSON.parse(next.stdout) as { counts: { checkpoints: number; openBlockers: number }; phases: { key: string; status: string; resumeFrom: string }[] };
    expect(task.counts).toMatchObject({ checkpoints: 4, openBlockers: 1 });
    expect(task.phases[0]).toMatchObject({ key: "backfill", status: "active", resumeFrom: "record 730000" });
    expect((await checkpoints()).map((c) => c.summary)).toEqual(expected);
  });
});

/** Forwards to Baton but drops the connection once Baton has answered: the write is applied, its answer lost. */
async function answerLosingProxy(): Promise<{ url: string; close: () => void }> {
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", async () => {
      await fetch(`${baseUrl}${request.url}`, { method: request.method, headers: request.headers as Record<string, string>, body: Buffer.concat(chunks) }).then((r) => r.text());
      response.socket?.destroy();
    });
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}`, close: () => server.close() };
}

describe("a write whose answer was lost", () => {
  it("is queued under the key it was sent with, so the flush replays it instead of recording it twice", async () => {
    const key = uniqueKey("cli-lost-answer");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Lost answers" } });
    const proxy = await answerLosingProxy();
    try {
      const lossy = batonFor(proxy.url, agentToken);
      const result = await lossy(["checkpoint", key, "--summary", "batch 73", "--resume-from", "record 730000"]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stdout).toMatch(/^queued \(1 waiting\)/);
      const flushed = await batonFor(baseUrl, agentToken, path.dirname(lossy.queue))(["flush", "--json"]);
      expect(flushed.code, flushed.stderr).toBe(0);
      expect(JSON.parse(flushed.stdout)).toMatchObject({ sent: 1, refused: 0, remaining: 0 });
    } finally {
      proxy.close();
    }
    const checkpoints = await api<{ items: { summary: string }[] }>(`/api/v1/tasks/${key}/checkpoints`);
    expect(checkpoints.body.items.map((c) => c.summary)).toEqual(["batch 73"]);
  });
});
