import type { TestProject } from "vitest/node";
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
  const server = await startServer();
  project.provide("baseUrl", server.url);
  project.provide("agentToken", server.agentToken);
  project.provide("adminToken", server.adminToken);
  project.provide("databaseFile", server.databaseFile);
  return () => server.stop();
}
