// Merges Baton's entries into a repository's Claude Code files without touching anything else there:
// `.mcp.json` (the `baton` MCP server) and `.claude/settings.json` (SessionStart and PreCompact hooks).
import fs from "node:fs";
import path from "node:path";
import { CliExit, EXIT } from "@/cli/exit";

type Json = Record<string, unknown>;
type HookGroup = { matcher?: string; hooks?: { type?: string; command?: string }[] };

export type InitOptions = { task?: string; agent?: string };
export type FileChange = { file: string; changed: boolean };

const HOOKS = [
  { event: "SessionStart", matcher: "startup|resume|clear|compact", command: "baton hook session-start" },
  { event: "PreCompact", matcher: "manual|auto", command: "baton hook pre-compact" },
] as const;

export function initClaude(root: string, options: InitOptions): FileChange[] {
  return [
    mergeFile(path.join(root, ".mcp.json"), (config) => mergeMcpServer(config, options)),
    mergeFile(path.join(root, ".claude", "settings.json"), (settings) => mergeSettings(settings, options)),
  ];
}

function taskEnv(options: InitOptions): Record<string, string> {
  return { ...(options.task && { BATON_TASK: options.task }), ...(options.agent && { BATON_AGENT: options.agent }) };
}

function mergeMcpServer(config: Json, options: InitOptions): Json {
  const servers = objectAt(config, "mcpServers");
  const existing = objectAt(servers, "baton");
  // The token stays in the environment; Claude Code expands ${VAR} in .mcp.json.
  const env = { BATON_URL: "${BATON_URL:-http://127.0.0.1:3000}", BATON_TOKEN: "${BATON_TOKEN}", ...objectAt(existing, "env"), ...taskEnv(options) };
  return { ...config, mcpServers: { ...servers, baton: { command: "baton", args: ["mcp"], ...existing, env } } };
}

function mergeSettings(settings: Json, options: InitOptions): Json {
  const hooks = objectAt(settings, "hooks");
  const merged: Json = { ...hooks };
  for (const { event, matcher, command } of HOOKS) {
    const groups = Array.isArray(hooks[event]) ? (hooks[event] as HookGroup[]) : [];
    const present = groups.some((group) => group.hooks?.some((hook) => hook.command === command));
    merged[event] = present ? groups : [...groups, { matcher, hooks: [{ type: "command", command }] }];
  }
  const env = { ...objectAt(settings, "env"), ...taskEnv(options) };
  return { ...settings, ...(Object.keys(env).length > 0 && { env }), hooks: merged };
}

function mergeFile(file: string, merge: (current: Json) => Json): FileChange {
  const before = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : null;
  let current: Json = {};
  if (before !== null && before.trim() !== "") {
    try {
      const parsed = JSON.parse(before) as unknown;
      if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("not a JSON object");
      current = parsed as Json;
    } catch (error) {
      throw new CliExit(EXIT.refused, `${file} is not a JSON object (${(error as Error).message}); fix it first, nothing was changed.`);
    }
  }
  const after = `${JSON.stringify(merge(current), null, 2)}\n`;
  if (before !== null && JSON.stringify(JSON.parse(after)) === JSON.stringify(current)) return { file, changed: false };
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, after);
  return { file, changed: true };
}

function objectAt(parent: Json, key: string): Json {
  const value = parent[key];
  return value && typeof value === "object" && !Array.isArray(value) ? (value as Json) : {};
}
