import { execFileSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { repoRoot } from "../support/cli";
import { startServer } from "../support/server";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
    agentToken: string;
    adminToken: string;
    databaseFile: string;
  }
}

export default async function setup(project: TestProject) {
  // What `npm ci`'s postinstall does; checkouts whose node_modules were copied, not installed, never ran it.
  execFileSync(process.execPath, ["scripts/link-bin.mjs"], { cwd: repoRoot });
  const server = await startServer();
  project.provide("baseUrl", server.url);
  project.provide("agentToken", server.agentToken);
  project.provide("adminToken", server.adminToken);
  project.provide("databaseFile", server.databaseFile);
  return () => server.stop();
}
