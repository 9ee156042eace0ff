// The servers a bench run compares: the physical limit, the framework ceiling and Baton itself.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migrateSqlite } from "@/lib/server/db/migrate";
import { startPostgres } from "../../tests/support/postgres";
import { freePort, startServer, type RunningServer } from "../../tests/support/server";

export type BenchServer = { url: string; token: string; stop: () => Promise<void> };

export type BatonServer = BenchServer & { databaseUrl: string };

const bin = (name: string) => path.resolve("node_modules/.bin", name);

/** Bare node:http + better-sqlite3 doing a real checkpoint insert: the physical limit. */
export async function startBaseline(): Promise<BenchServer> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "baton-bench-"));
  const dbFile = path.join(dir, "baseline.db");
  migrateSqlite(dbFile, path.resolve("prisma/migrations"));
  const port = await freePort();
  const child = spawn(bin("tsx"), ["bench/baseline-server.ts", dbFile, String(port), "bench-token"], { stdio: ["ignore", "pipe", "inherit"], detached: true });
  await waitFor(child, "ready");
  return { url: `http://127.0.0.1:${port}`, token: "bench-token", stop: () => stopChild(child, dir) };
}

const CEILING_DIR = path.resolve("bench/ceiling");

/** A bare Next.js route handler (same Next version, no database): the framework ceiling. Built once, then reused. */
export async function startCeiling(): Promise<BenchServer> {
  const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" as const };
  const stamp = path.join(CEILING_DIR, ".next", "bench-source-hash");
  const hash = ceilingSourceHash();
  if (!fs.existsSync(stamp) || fs.readFileSync(stamp, "utf8") !== hash) {
    const build = spawnSync(bin("next"), ["build", CEILING_DIR], { stdio: ["ignore", "ignore", "inherit"], env });
    if (build.status !== 0) throw new Error("building the ceiling app (bench/ceiling) failed");
    fs.writeFileSync(stamp, hash);
  }
  const port = await freePort();
  const child = spawn(bin("next"), ["start", CEILING_DIR, "-H", "127.0.0.1", "-p", String(port)], { stdio: ["ignore", "pipe", "inherit"], env, detached: true });
  await waitFor(child, "Ready");
  return { url: `http://127.0.0.1:${port}`, token: "none", stop: () => stopChild(child) };
}

export async function startBaton(env: Record<string, string> = {}): Promise<BatonServer> {
  const server: RunningServer = await startServer(env);
  return { url: server.url, token: server.agentToken, databaseUrl: server.databaseUrl, stop: server.stop };
}

/** Baton on a database of its own throwaway PostgreSQL cluster (tests/support/postgres.ts: no fsync per commit, like SQLite's WAL + synchronous=NORMAL). */
export async function startBatonOnPostgres(): Promise<BatonServer> {
  const cluster = await startPostgres();
  try {
    const databaseUrl = await cluster.createDatabase();
    const baton = await startBaton({ DATABASE_URL: databaseUrl });
    return {
      ...baton,
      databaseUrl,
      stop: async () => {
        await baton.stop();
        await cluster.stop();
      },
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}

function ceilingSourceHash(): string {
  const hash = createHash("sha256");
  const files = fs.readdirSync(CEILING_DIR, { recursive: true, encoding: "utf8" }).filter((file) => !file.startsWith(".next")).sort();
  for (const file of files) {
    const full = path.join(CEILING_DIR, file);
    if (fs.statSync(full).isFile()) hash.update(file).update(fs.readFileSync(full));
  }
  return hash.digest("hex");
}

function waitFor(child: ChildProcess, marker: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes(marker)) resolve();
    });
    child.on("exit", (code) => reject(new Error(`exited with ${code} before "${marker}":\n${output}`)));
  });
}

async function stopChild(child: ChildProcess, dir?: string): Promise<void> {
  if (child.exitCode === null) {
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
    await exited;
  }
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
