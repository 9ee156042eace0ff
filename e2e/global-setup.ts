// One real Baton server (throwaway SQLite file, free port) for the whole e2e run.
import { startServer } from "../tests/support/server";

export default async function globalSetup() {
  const server = await startServer();
  process.env.BATON_E2E_URL = server.url;
  process.env.BATON_E2E_ADMIN_TOKEN = server.adminToken;
  process.env.BATON_E2E_AGENT_TOKEN = server.agentToken;
  process.env.BATON_E2E_DATABASE = server.databaseFile;
  return () => server.stop();
}
