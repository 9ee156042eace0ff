import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { batonFor } from "../support/cli";
import { agentToken, api, baseUrl, uniqueKey } from "./context";

vi.setConfig({ testTimeout: 120_000 });

const baton = batonFor(baseUrl, agentToken);
const tmp = () => fs.mkdtempSync(path.join(os.tmpdir(), "baton-cli-"));

type Checkpoint = { seq: number; summary: string; phase: string | null; done: string[]; next: string[]; dependencies: string[]; progress: unknown; resumeFrom: string | null; metrics: Record<string, number>; agent: string | null };

const NOTE = ["=== CHECKPOINT: Batch 73 written ===", "- rows 720,001–730,000 copied", "NEXT ACTIONS:", "- copy batch 74", "DEPENDENCIES:", "- replica lag under 5s", ""].join("\n");

async function checkpoints(key: string): Promise<Checkpoint[]> {
  return (await api<{ items: Checkpoint[] }>(`/api/v1/tasks/${key}/checkpoints`)).body.items;
}

describe("baton --help", () => {
  const commands = [
    [],
    ["task"],
    ["task", "put"],
    ["task", "show"],
    ["task", "list"],
    ["checkpoint"],
    ["note"],
    ["phase"],
    ["block"],
    ["unblock"],
    ["ask"],
    ["approval"],
    ["approval", "request"],
    ["approval", "wait"],
    ["handoff"],
    ["heartbeat"],
    ["brief"],
    ["progress"],
    ["progress", "export"],
    ["progress", "import"],
    ["flush"],
    ["hook"],
    ["hook", "session-start"],
    ["hook", "pre-compact"],
    ["init"],
    ["init", "claude"],
    ["mcp"],
  ];
  it.each(commands.map((c) => [c.join(" ") || "(root)", c]))("prints usage for %s and exits 0", async (_name, command) => {
    const result = await baton([...command, "--help"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`Usage: baton${command.length ? ` ${command.join(" ")}` : ""}`);
  });
});

describe("baton usage errors and refusals", () => {
  it("exits 2 on an unknown command, a missing required option or a malformed value, and sends nothing", async () => {
    const key = uniqueKey("cli-usage");
    expect((await baton(["frobnicate"])).code).toBe(2);
    const missing = await baton(["checkpoint", key]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--summary");
    expect((await baton(["checkpoint", key, "--summary", "x", "--progress", "lots"])).code).toBe(2);
    expect((await baton(["checkpoint", key, "--summary", "x", "--metric", "speed"])).code).toBe(2);
    expect((await baton(["phase", key, "p", "finished"])).code).toBe(2);
    expect((await baton(["phase", key, "p", "done", "--force"])).code).toBe(2);
    expect((await api(`/api/v1/tasks/${key}`)).status).toBe(404);
  });

  it("exits 1 with the problem's detail on stderr when the server refuses", async () => {
    const missing = await baton(["task", "show", uniqueKey("cli-missing")]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^baton: Task ".*" was not found/);
    const invalid = await baton(["task", "put", "Not A Slug", "--title", "x"]);
    expect(invalid.code).toBe(1);
    expect(invalid.stderr).toContain("must be a slug");
    const unauthorized = await baton(["task", "list"], { env: { BATON_TOKEN: "baton_agt_wrong" } });
    expect(unauthorized.code).toBe(1);
    expect(unauthorized.stderr).toContain("Authorization: Bearer");
  });
});

describe("baton task", () => {
  it("puts a task with phases and a gate, shows it and lists it, in human text and --json", async () => {
    const key = uniqueKey("cli-task");
    const put = await baton(["task", "put", key, "--title", "Deploy the API", "--phase", "plan", "--phase", "apply:gate"]);
    expect(put.code).toBe(0);
    expect(put.stdout).toContain(`created Deploy the API (${key})`);
    expect(put.stdout).toContain("apply [gate]: pending");
    const shown = await baton(["task", "show", key, "--json"]);
    expect(shown.code).toBe(0);
    const task = JSON.parse(shown.stdout) as { key: string; phases: { key: string; requiresApproval: boolean }[] };
    expect(task.phases.map((p) => [p.key, p.requiresApproval])).toEqual([["plan", false], ["apply", true]]);
    const listed = await baton(["task", "list", "--status", "pending"]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain(`${key}  pending  0%`);
    const json = JSON.parse((await baton(["--json", "task", "list", "--search", key])).stdout) as { items: { key: string }[] };
    expect(json.items.map((t) => t.key)).toEqual([key]);
    expect((await baton(["task", "put", key, "--title", "Deploy the API", "--playbook", "terraform-deploy"])).stdout).toContain("updated");
  });
});

describe("baton checkpoint and note", () => {
  it("records every checkpoint field from the options", async () => {
    const key = uniqueKey("cli-checkpoint");
    const result = await baton([
      "checkpoint", key, "--summary", "73% done", "--phase", "backfill",
      "--done", "batches 1-73", "--done", "indexes built", "--next", "batch 74", "--dep", "replica lag < 5s",
      "--progress", "730000/1000000", "--unit", "records", "--resume-from", "record 730000",
      "--metric", "recordsPerSec=1840", "--metric", "costUsd=0.42", "--agent", "db-agent",
    ]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(`checkpoint #1 on ${key} (backfill): 73% done\n`);
    const [checkpoint] = await checkpoints(key);
    expect(checkpoint).toMatchObject({
      summary: "73% done",
      phase: "backfill",
      done: ["batches 1-73", "indexes built"],
      next: ["batch 74"],
      dependencies: ["replica lag < 5s"],
      progress: { current: 730_000, total: 1_000_000, unit: "records" },
      resumeFrom: "record 730000",
      metrics: { recordsPerSec: 1840, costUsd: 0.42 },
      agent: "db-agent",
    });
  });

  it("records a note in the guide's format from a file and from stdin, and prints the API JSON with --json", async () => {
    const key = uniqueKey("cli-note");
    const file = path.join(tmp(), "note.txt");
    fs.writeFileSync(file, NOTE);
    const fromFile = await baton(["note", key, file, "--phase", "backfill"]);
    expect(fromFile.code).toBe(0);
    expect(fromFile.stdout).toContain("checkpoint #1");
    const fromStdin = await baton(["note", key, "-", "--json"], { input: NOTE.replace("73", "74") });
    expect(fromStdin.code).toBe(0);
    expect(JSON.parse(fromStdin.stdout)).toMatchObject({ seq: 2, summary: "Batch 74 written" });
    const [latest, first] = await checkpoints(key);
    expect(first).toMatchObject({ phase: "backfill", summary: "Batch 73 written", next: ["copy batch 74"], dependencies: ["replica lag under 5s"] });
    expect(latest.seq).toBe(2);
    expect((await baton(["note", key], { input: "\n" })).code).toBe(2);
  });
});

describe("baton phase, block, unblock, heartbeat", () => {
  it("moves phases, refuses a gated start with exit 1, and overrides verification with --force --reason", async () => {
    const key = uniqueKey("cli-phase");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Phases", phases: [{ key: "build", verification: [{ name: "tests" }] }, { key: "ship", requiresApproval: true }] } });
    const active = await baton(["phase", key, "build", "active"]);
    expect(active.code).toBe(0);
    expect(active.stdout).toBe(`${key} build: active\n`);
    const unverified = await baton(["phase", key, "build", "done"]);
    expect(unverified.code).toBe(1);
    expect(unverified.stderr).toContain("no passed result for tests");
    expect((await baton(["phase", key, "build", "done", "--force", "--reason", "tests ran in CI"])).code).toBe(0);
    const gated = await baton(["phase", key, "ship", "active"]);
    expect(gated.code).toBe(1);
    expect(gated.stderr).toMatch(/approv/i);
  });

  it("opens and resolves a blocker and sends a heartbeat", async () => {
    const key = uniqueKey("cli-block");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Blocked" } });
    const opened = await baton(["block", key, "--title", "Replica lag over 30s", "--kind", "resource", "--detail", "pausing the backfill", "--json"]);
    expect(opened.code).toBe(0);
    const blocker = JSON.parse(opened.stdout) as { id: number; kind: string; status: string };
    expect(blocker).toMatchObject({ kind: "resource", status: "open" });
    expect((await api<{ status: string }>(`/api/v1/tasks/${key}`)).body.status).toBe("blocked");
    expect((await baton(["block", key, "--title", "x", "--kind", "weather"])).code).toBe(2);
    const resolved = await baton(["unblock", key, String(blocker.id), "--resolution", "lag back to 2s"]);
    expect(resolved.code).toBe(0);
    expect(resolved.stdout).toBe(`blocker #${blocker.id} resolved: lag back to 2s\n`);
    expect((await baton(["unblock", key, String(blocker.id), "--resolution", "again"])).code).toBe(1);
    const heartbeat = await baton(["heartbeat", key, "--agent", "db-agent"]);
    expect(heartbeat).toMatchObject({ code: 0, stdout: `heartbeat sent for ${key}\n` });
  });
});

describe("baton handoff, brief, progress", () => {
  it("writes a handoff document from stdin and the brief shows it to the receiving agent", async () => {
    const key = uniqueKey("cli-handoff");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Split brain", phases: [{ key: "infra", agent: "infra" }, { key: "app", agent: "app" }] } });
    const document = ["# Handoff", "## What's Complete", "- VPC and database", "## What's Needed", "- deploy the app", "## Next Steps", "- run the migrations", ""].join("\n");
    const handoff = await baton(["handoff", key, "--from", "infra", "--to", "app"], { input: document });
    expect(handoff.code).toBe(0);
    expect(handoff.stdout).toContain("handoff infra → app");
    const brief = await baton(["brief", key, "--agent", "app"]);
    expect(brief.code).toBe(0);
    expect(brief.stdout).toContain("run the migrations");
    const json = JSON.parse((await baton(["brief", key, "--json"])).stdout) as { task: { key: string } };
    expect(json.task.key).toBe(key);
    expect((await baton(["handoff", key, "--from", "infra"], { input: document })).code).toBe(2);
  });

  it("exports progress.json to a file and imports it into another task", async () => {
    const key = uniqueKey("cli-progress");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Migrate", phases: [{ key: "backup" }, { key: "backfill" }] } });
    await api(`/api/v1/tasks/${key}/phases/backup`, { method: "PATCH", json: { status: "active" } });
    const file = path.join(tmp(), "progress.json");
    const exported = await baton(["progress", "export", key, file]);
    expect(exported).toMatchObject({ code: 0, stdout: `wrote ${file}\n` });
    const content = JSON.parse(fs.readFileSync(file, "utf8")) as Record<string, unknown>;
    expect(content).toMatchObject({ task: "Migrate", current_phase: "backup", pending_phases: ["backfill"] });
    expect(JSON.parse((await baton(["progress", "export", key])).stdout)).toEqual(content);
    const copy = uniqueKey("cli-progress-copy");
    const imported = await baton(["progress", "import", copy, file]);
    expect(imported.code).toBe(0);
    expect(imported.stdout).toContain("current backup");
    expect((await api<{ phases: { key: string; status: string }[] }>(`/api/v1/tasks/${copy}`)).body.phases.map((p) => p.status)).toEqual(["active", "pending"]);
    fs.writeFileSync(file, "{not json");
    expect((await baton(["progress", "import", copy, file])).code).toBe(2);
    fs.writeFileSync(file, JSON.stringify({ task: "x", current_phase: "Not A Key" }));
    expect((await baton(["progress", "import", copy, file])).code).toBe(1);
  });
});
