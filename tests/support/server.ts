// Starts the real Baton (`scripts/start.ts`) on a free port with a throwaway SQLite file.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export type RunningServer = {
  url: string;
  adminToken: string;
  agentToken: string;
  dataDir: string;
  databaseFile: string;
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

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function startServer(extraEnv: Record<string, string> = {}, options: ServerOptions = {}): Promise<RunningServer> {
  const port = options.port ?? (await freePort());
  const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "baton-test-"));
  const databaseFile = path.join(dataDir, "baton.db");
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
      DATABASE_URL: `file:${databaseFile}`,
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
    if (!keepData) fs.rmSync(dataDir, { recursive: true, force: true });
  };
  const kill = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    process.kill(-child.pid!, "SIGKILL");
    await exited;
  };
  return { url, adminToken, agentToken, dataDir, databaseFile, serverPid: () => nextServerPid(child.pid!), stop, kill };
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
