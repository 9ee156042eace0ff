import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { batonFor } from "../support/cli";
import { agentToken, api, baseUrl, uniqueKey } from "./context";

vi.setConfig({ testTimeout: 120_000 });

const baton = batonFor(baseUrl, agentToken);
type McpFile = { mcpServers: Record<string, { command?: string; args?: string[]; env?: Record<string, string> }> };
type SettingsFile = { permissions?: unknown; env?: Record<string, string>; hooks: Record<string, unknown[]> };
const readJson = <T>(file: string) => JSON.parse(fs.readFileSync(file, "utf8")) as T;

function repoWithClaudeFiles(): string {
  const repo = fs.mkdtempSync(path.join(os.tmpdir(), "baton-claude-repo-"));
  fs.mkdirSync(path.join(repo, ".claude"));
  fs.writeFileSync(path.join(repo, ".mcp.json"), JSON.stringify({ mcpServers: { github: { command: "gh-mcp", args: ["serve"] } } }, null, 2));
  fs.writeFileSync(
    path.join(repo, ".claude", "settings.json"),
    JSON.stringify({
      permissions: { allow: ["Bash(npm test)"] },
      env: { EDITOR: "vim" },
      hooks: {
        SessionStart: [{ matcher: "startup", hooks: [{ type: "command", command: "echo hello" }] }],
        PostToolUse: [{ matcher: "Write", hooks: [{ type: "command", command: "prettier --write" }] }],
      },
    }),
  );
  return repo;
}

describe("baton init claude", () => {
  it("merges the MCP server and the hooks into existing files without clobbering them, and is idempotent", async () => {
    const repo = repoWithClaudeFiles();
    const first = await baton(["init", "claude", "--task", "backfill-users", "--agent", "db-agent"], { cwd: repo });
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toBe("updated .mcp.json\nupdated .claude/settings.json\n");

    const mcp = readJson<McpFile>(path.join(repo, ".mcp.json"));
    expect(mcp.mcpServers.github).toEqual({ command: "gh-mcp", args: ["serve"] });
    expect(mcp.mcpServers.baton).toEqual({
      command: "baton",
      args: ["mcp"],
      env: { BATON_URL: "${BATON_URL:-http://127.0.0.1:3000}", BATON_TOKEN: "${BATON_TOKEN}", BATON_TASK: "backfill-users", BATON_AGENT: "db-agent" },
    });
    expect(fs.readFileSync(path.join(repo, ".mcp.json"), "utf8")).not.toContain(agentToken);

    const settings = readJson<SettingsFile>(path.join(repo, ".claude", "settings.json"));
    expect(settings.permissions).toEqual({ allow: ["Bash(npm test)"] });
    expect(settings.env).toEqual({ EDITOR: "vim", BATON_TASK: "backfill-users", BATON_AGENT: "db-agent" });
    expect(settings.hooks.PostToolUse).toEqual([{ matcher: "Write", hooks: [{ type: "command", command: "prettier --write" }] }]);
    expect(settings.hooks.SessionStart).toEqual([
      { matcher: "startup", hooks: [{ type: "command", command: "echo hello" }] },
      { matcher: "startup|resume|clear|compact", hooks: [{ type: "command", command: "baton hook session-start" }] },
    ]);
    expect(settings.hooks.PreCompact).toEqual([{ matcher: "manual|auto", hooks: [{ type: "command", command: "baton hook pre-compact" }] }]);

    const before = [fs.readFileSync(path.join(repo, ".mcp.json"), "utf8"), fs.readFileSync(path.join(repo, ".claude", "settings.json"), "utf8")];
    const again = await baton(["init", "claude", "--task", "backfill-users", "--agent", "db-agent"], { cwd: repo });
    expect(again.stdout).toBe("unchanged .mcp.json\nunchanged .claude/settings.json\n");
    expect([fs.readFileSync(path.join(repo, ".mcp.json"), "utf8"), fs.readFileSync(path.join(repo, ".claude", "settings.json"), "utf8")]).toEqual(before);
  });

  it("creates both files in a fresh repository and refuses (exit 1) to touch a file that is not JSON", async () => {
    const repo = fs.mkdtempSync(path.join(os.tmpdir(), "baton-claude-fresh-"));
    expect((await baton(["init", "claude"], { cwd: repo })).code).toBe(0);
    expect(readJson<McpFile>(path.join(repo, ".mcp.json")).mcpServers.baton.args).toEqual(["mcp"]);
    expect(Object.keys(readJson<SettingsFile>(path.join(repo, ".claude", "settings.json")).hooks)).toEqual(["SessionStart", "PreCompact"]);
    fs.writeFileSync(path.join(repo, ".mcp.json"), "{ broken");
    const broken = await baton(["init", "claude"], { cwd: repo });
    expect(broken.code).toBe(1);
    expect(broken.stderr).toContain(".mcp.json is not a JSON object");
    expect(fs.readFileSync(path.join(repo, ".mcp.json"), "utf8")).toBe("{ broken");
  });
});

describe("baton hook", () => {
  it("session-start prints the lane's brief as Claude Code's additional context, for every session source", async () => {
    const key = uniqueKey("cli-hook");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Backfill user_events", phases: [{ key: "backfill", agent: "db-agent" }] } });
    await api(`/api/v1/tasks/${key}/checkpoints`, {
      json: { summary: "73% done", phase: "backfill", progress: { current: 730_000, total: 1_000_000, unit: "records" }, resumeFrom: "record 730000", next: ["copy batch 74"] },
    });
    for (const source of ["startup", "resume", "clear", "compact"]) {
      const input = JSON.stringify({ session_id: "abc", transcript_path: "/tmp/t.jsonl", hook_event_name: "SessionStart", source });
      const result = await baton(["hook", "session-start"], { input, env: { BATON_TASK: key, BATON_AGENT: "db-agent" } });
      expect(result.code, result.stderr).toBe(0);
      const output = JSON.parse(result.stdout) as { hookSpecificOutput: { hookEventName: string; additionalContext: string } };
      expect(output.hookSpecificOutput.hookEventName).toBe("SessionStart");
      expect(output.hookSpecificOutput.additionalContext).toContain(`Baton task \`${key}\` as agent \`db-agent\` (session ${source})`);
      expect(output.hookSpecificOutput.additionalContext).toContain("resume at record 730000");
      expect(output.hookSpecificOutput.additionalContext).toContain("copy batch 74");
    }
  });

  it("session-start still answers (exit 0) when the brief cannot be loaded, and stays silent without BATON_TASK", async () => {
    const missing = await baton(["hook", "session-start"], { input: "{}", env: { BATON_TASK: uniqueKey("cli-hook-missing") } });
    expect(missing.code).toBe(0);
    expect((JSON.parse(missing.stdout) as { hookSpecificOutput: { additionalContext: string } }).hookSpecificOutput.additionalContext).toContain("could not be loaded");
    const unset = await baton(["hook", "session-start"], { input: "{}", env: { BATON_TASK: "" } });
    expect(unset).toMatchObject({ code: 0, stdout: "" });
  });

  it("pre-compact records a checkpoint marking the compaction on the timeline", async () => {
    const key = uniqueKey("cli-compact");
    await api(`/api/v1/tasks/${key}`, { method: "PUT", json: { title: "Long session" } });
    const input = JSON.stringify({ session_id: "abc", hook_event_name: "PreCompact", trigger: "auto", custom_instructions: "" });
    const result = await baton(["hook", "pre-compact"], { input, env: { BATON_TASK: key, BATON_AGENT: "claude" } });
    expect(result).toMatchObject({ code: 0, stdout: "" });
    const checkpoints = await api<{ items: { summary: string; agent: string; body: string }[] }>(`/api/v1/tasks/${key}/checkpoints`);
    expect(checkpoints.body.items).toHaveLength(1);
    expect(checkpoints.body.items[0]).toMatchObject({ summary: "Context compaction (auto)", agent: "claude" });
    expect(checkpoints.body.items[0].body).toContain("session abc");
  });
});
