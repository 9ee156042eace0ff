// Runs the real `baton` binary (node_modules/.bin/baton, as `npm ci` links it) in a child process.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const batonBin = path.join(repoRoot, "node_modules", ".bin", "baton");

export type CliResult = { code: number; stdout: string; stderr: string };
export type CliOptions = { env?: Record<string, string | undefined>; input?: string; cwd?: string };

export function runCli(file: string, args: string[], options: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { cwd: options.cwd ?? repoRoot, env: { ...process.env, ...options.env }, stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? -1, stdout, stderr }));
    child.stdin.end(options.input ?? "");
  });
}

/** A `baton` bound to one server and token, with its own offline queue file. */
export function batonFor(url: string, token: string, queueDir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-cli-queue-"))) {
  const queue = path.join(queueDir, "queue.jsonl");
  const baton = (args: string[], options: CliOptions = {}) =>
    runCli(batonBin, args, { ...options, env: { BATON_URL: url, BATON_TOKEN: token, BATON_QUEUE: queue, ...options.env } });
  return Object.assign(baton, { queue });
}
