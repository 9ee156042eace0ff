// Starts the real Baton (`scripts/start.ts`) on a free port with a throwaway database: a SQLite file in a fresh
// data folder, or, with BATON_TEST_DATABASE=postgresql, a fresh database in the run's shared PostgreSQL cluster
// (BATON_TEST_POSTGRES_URL, set by the API suite's global setup).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { freePort } from "./free-port";
import { postgresCluster } from "./postgres";

export type RunningServer = {
  url: string;
  adminToken: string;
  agentToken: string;
  dataDir: string;
  /** The SQLite file (meaningless on PostgreSQL: see `databaseUrl`). */
  databaseFile: string;
  /** What the server got as DATABASE_URL. */
  databaseUrl: string;
  /** The pid of the `next-server` process answering requests (for reading its memory from /proc). */
  serverPid: () => number;
  /** Stops the server and deletes its data folder unless `keepData` (to start again on the same data). */
  stop: (options?: { keepData?: boolean }) => Promise<void>;
  /** SIGKILLs the server's whole process group at once (no shutdown of any kind); the data folder stays. */
  kill: () => Promise<void>;
};

export type ServerOptions = {
  /** The data folder (created by Baton if missing); a fresh temporary one by default. Reuse one to restart. */
  dataDir?: string;
  /** A fixed port, so clients configured with the first server's URL reach the restarted one. */
  port?: number;
  adminToken?: string;
  agentToken?: string;
};

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export { freePort };

export async function startServer(extraEnv: Record<string, string> = {}, options: ServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "baton-test-"));
  const databaseFile = path.join(dataDir, "baton.db");
  // A DATABASE_URL the caller passes wins; otherwise a throwaway one this helper also cleans up.
  const ownDatabase = extraEnv.DATABASE_URL === undefined;
  const databaseUrl = extraEnv.DATABASE_URL ?? (await testDatabaseUrl(dataDir, databaseFile));
  const adminToken = options.adminToken ?? `baton_adm_test_${Math.random().toString(36).slice(2)}`;
  const agentToken = options.agentToken ?? `baton_agt_test_${Math.random().toString(36).slice(2)}`;
  const child: ChildProcess = spawn(path.join(root, "node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    cwd: root,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      BATON_DATA_DIR: dataDir,
      BATON_ADMIN_TOKEN: adminToken,
      BATON_AGENT_TOKEN: agentToken,
      ...extraEnv,
    },
  });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    const timeout = setTimeout(() => reject(new Error(`Baton did not start within 5 minutes:\n${output}`)), 300_000);
    const check = setInterval(() => {
      if (output.includes("Baton is ready")) {
        clearTimeout(timeout);
        clearInterval(check);
        resolve();
      }
    }, 100);
    child.on("exit", (code) => {
      clearTimeout(timeout);
      clearInterval(check);
      reject(new Error(`Baton exited with ${code} before it was ready:\n${output}`));
    });
  });
  const stop = async ({ keepData = false } = {}) => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      return;
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
    try {
      process.kill(-child.pid!, "SIGKILL");
    } catch {
      // already gone
    }
    if (!keepData) {
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (ownDatabase && databaseUrl.startsWith("postgresql:")) {
        postgresDatabases.delete(dataDir);
        await postgresCluster(requiredAdminUrl()).dropDatabase(databaseUrl);
      }
    }
  };
  const kill = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, "SIGKILL");
    await exited;
  };
  return { url, adminToken, agentToken, dataDir, databaseFile, databaseUrl, serverPid: () => nextServerPid(child.pid!), stop, kill };
}

/** True when this run's servers use PostgreSQL (`BATON_TEST_DATABASE=postgresql`). */
export function testingOnPostgres(): boolean {
  return process.env.BATON_TEST_DATABASE === "postgresql";
}

/** PostgreSQL databases by data folder, so a server restarted on the same folder finds the same data. */
const postgresDatabases = new Map<string, string>();

/** The DATABASE_URL for a server on `dataDir`: its SQLite file, or on PostgreSQL a fresh database (the same on a restart). */
async function testDatabaseUrl(dataDir: string, databaseFile: string): Promise<string> {
  if (!testingOnPostgres()) return `file:${databaseFile}`;
  let url = postgresDatabases.get(dataDir);
  if (!url) postgresDatabases.set(dataDir, (url = await postgresCluster(requiredAdminUrl()).createDatabase()));
  return url;
}

function requiredAdminUrl(): string {
  const adminUrl = process.env.BATON_TEST_POSTGRES_URL;
  if (!adminUrl) throw new Error("BATON_TEST_DATABASE=postgresql needs BATON_TEST_POSTGRES_URL (the API suite's global setup starts a cluster and sets it).");
  return adminUrl;
}

/** `npm start` runs `next start`, which renames itself `next-server`; it shares the process group of the child we spawned. */
function nextServerPid(group: number): number {
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      // The process group is the 5th field of /proc/<pid>/stat, after the parenthesised command name.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) !== group) continue;
      if (fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").startsWith("next-server")) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error(`No next-server process in process group ${group}`);
}
