import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { repoRoot } from "../support/cli";
import { startPostgres } from "../support/postgres";
import { startServer } from "../support/server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    agentToken: string;
    adminToken: string;
    databaseFile: string;
    /** What the shared server got as DATABASE_URL (a `file:` URL, or a database of the shared cluster). */
    databaseUrl: string;
    /** The superuser URL of this run's throwaway PostgreSQL cluster (`postgresCluster(url).createDatabase()`). */
    postgresAdminUrl: string;
  }
}

export default async function setup(project: TestProject) {
  // What `npm ci`'s postinstall does; checkouts whose node_modules were copied, not installed, never ran it.
  execFileSync(process.execPath, ["scripts/link-bin.mjs"], { cwd: repoRoot });
  // One cluster for the whole run, on both passes: test servers (BATON_TEST_DATABASE=postgresql) and
  // PostgreSQL-only tests each take a fresh database in it. Workers inherit the variable.
  const cluster = await startPostgres();
  process.env.BATON_TEST_POSTGRES_URL = cluster.adminUrl;
  project.provide("postgresAdminUrl", cluster.adminUrl);
  try {
    const server = await startServer();
    project.provide("baseUrl", server.url);
    project.provide("agentToken", server.agentToken);
    project.provide("adminToken", server.adminToken);
    project.provide("databaseFile", server.databaseFile);
    project.provide("databaseUrl", server.databaseUrl);
    return async () => {
      await server.stop();
      await cluster.stop();
    };
  } catch (error) {
    await cluster.stop();
    throw error;
  }
}
