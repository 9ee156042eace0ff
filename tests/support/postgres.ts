// A private, throwaway PostgreSQL cluster for tests and benchmarks: `initdb` into a temporary folder, a free
// port on 127.0.0.1, the socket in that folder, no system service. One cluster serves a whole run; every test
// server gets a fresh database in it (`createDatabase()`).
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "./free-port";

/** What a test needs from a running cluster; `postgresCluster(adminUrl)` rebuilds it in another process. */
export type PostgresDatabases = {
  /** The superuser's URL of the `postgres` maintenance database. */
  adminUrl: string;
  /** The URL of a database of this cluster. */
  url: (database: string) => string;
  /** Creates an empty database with a fresh name and returns its URL. */
  createDatabase: () => Promise<string>;
  /** Drops a database made by `createDatabase`, closing its connections first. */
  dropDatabase: (url: string) => Promise<void>;
};

export type PostgresCluster = PostgresDatabases & { stop: () => Promise<void> };

const SUPERUSER = "postgres";

/** The folder holding initdb/pg_ctl: `pg_config --bindir`, else the newest /usr/lib/postgresql/<version>/bin. */
export function postgresBinDir(): string {
  try {
    const dir = execFileSync("pg_config", ["--bindir"], { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] }).trim();
    if (fs.existsSync(path.join(dir, "initdb"))) return dir;
  } catch {
    // no pg_config on PATH: look where Debian puts the server binaries
  }
  const base = "/usr/lib/postgresql";
  const versions = fs.existsSync(base) ? fs.readdirSync(base).filter((entry) => /^\d+$/.test(entry)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const version of versions) {
    const dir = path.join(base, version, "bin");
    if (fs.existsSync(path.join(dir, "initdb"))) return dir;
  }
  throw new Error("PostgreSQL server binaries (initdb, pg_ctl) not found: install PostgreSQL (apt-get install -y postgresql).");
}

export async function startPostgres(): Promise<PostgresCluster> {
  const bin = postgresBinDir();
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "baton-pg-"));
  const asRoot = process.getuid?.() === 0;
  // initdb refuses to run as root: the cluster then belongs to the `postgres` system user.
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", SUPERUSER], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", SUPERUSER], { encoding: "utf8" }).trim());
    fs.chownSync(root, uid, gid);
  }
  const run = (program: string, args: string[]) => {
    const [command, fullArgs] = asRoot
      ? ["runuser", ["-u", SUPERUSER, "--", path.join(bin, program), ...args]]
      : [path.join(bin, program), args];
    const result = spawnSync(command, fullArgs, { encoding: "utf8", cwd: root });
    if (result.status !== 0) throw new Error(`${program} failed (${result.status}):\n${result.stdout}${result.stderr}`);
  };

  const dataDir = path.join(root, "data");
  const logFile = path.join(root, "postgres.log");
  run("initdb", ["-D", dataDir, "-U", SUPERUSER, "--auth=trust", "--encoding=UTF8", "--locale=C", "--no-sync"]);
  const port = await freePort();
  const options = [
    `-p ${port}`,
    `-k ${root}`,
    "-c listen_addresses=127.0.0.1",
    // Throwaway data: durability is not wanted, speed is.
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    // Many test servers (each with its own pool) share the cluster.
    "-c max_connections=400",
    "-c shared_buffers=64MB",
  ].join(" ");
  try {
    run("pg_ctl", ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", options, "start"]);
  } catch (error) {
    const log = fs.existsSync(logFile) ? fs.readFileSync(logFile, "utf8") : "";
    fs.rmSync(root, { recursive: true, force: true });
    throw new Error(`${(error as Error).message}\n${log}`);
  }

  const databases = postgresCluster(`postgresql://${SUPERUSER}@127.0.0.1:${port}/postgres`);
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    try {
      run("pg_ctl", ["-D", dataDir, "-m", "immediate", "-w", "stop"]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  };
  return { ...databases, stop };
}

/** The databases of a cluster started elsewhere (in a vitest globalSetup), reached through its admin URL. */
export function postgresCluster(adminUrl: string): PostgresDatabases {
  const url = (database: string) => {
    const parsed = new URL(adminUrl);
    parsed.pathname = `/${database}`;
    return parsed.toString();
  };
  const admin = async <T>(work: (client: pg.Client) => Promise<T>): Promise<T> => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  };
  return {
    adminUrl,
    url,
    createDatabase: async () => {
      const name = `baton_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
      await admin((client) => client.query(`CREATE DATABASE "${name}"`));
      return url(name);
    },
    dropDatabase: async (databaseUrl: string) => {
      const name = decodeURIComponent(new URL(databaseUrl).pathname.slice(1));
      if (!/^baton_[a-z0-9_]+$/.test(name)) throw new Error(`refusing to drop ${name}: not a test database`);
      await admin((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
