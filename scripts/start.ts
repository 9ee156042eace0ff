// `npm start`: migrate, ensure tokens, build when needed, serve, print how to log in.
import { spawn, spawnSync } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { databaseProvider, databaseUrl, dataDir, publicUrl, redactedDatabaseUrl } from "@/lib/server/config";
import { migrateDatabase } from "@/lib/server/db/migrate";
import { installBootstrapTokens, loadBootstrapSecrets } from "@/lib/server/auth/bootstrap-tokens";
import { buildIsCurrent, sourceHash, writeBuildStamp } from "@/lib/server/build-stamp";
import { disconnectDb } from "@/lib/server/db/client";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const LOOPBACK = new Set(["127.0.0.1", "localhost", "::1"]);

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  // Before anything touches the disk: an unsupported DATABASE_URL must not leave a file or folder behind.
  databaseProvider();
  const host = process.env.HOST ?? "127.0.0.1";
  const port = process.env.PORT ?? "3000";
  if (!LOOPBACK.has(host)) {
    console.warn(`\n! Baton is listening on ${host}, reachable from other machines. Traffic is NOT encrypted: put it behind TLS.\n`);
    if (!process.env.BATON_PUBLIC_URL) {
      console.warn(`! Links in approvals, events and webhooks point at ${publicUrl()}; set BATON_PUBLIC_URL to the address people use.\n`);
    }
  }

  const migrations = await migrateDatabase(databaseUrl(), root);
  if (migrations.applied.length > 0) console.log(`Applied migrations: ${migrations.applied.join(", ")}`);

  const secrets = loadBootstrapSecrets(dataDir());
  for (const scope of await installBootstrapTokens(secrets)) {
    const variable = scope === "admin" ? "BATON_ADMIN_TOKEN" : "BATON_AGENT_TOKEN";
    console.warn(`\n! The ${scope} token printed below was revoked and stays revoked; set a new ${variable} (or remove it from secrets.json) to get a working one.\n`);
  }
  await disconnectDb();

  if (!buildIsCurrent(root)) {
    const hash = sourceHash(root);
    console.log("Building the dashboard (first start or changed sources)…");
    const build = spawnSync(nextBin(), ["build"], { cwd: root, stdio: "inherit", env: process.env });
    if (build.status !== 0) process.exit(build.status ?? 1);
    writeBuildStamp(root, hash);
  }

  const server = spawn(nextBin(), ["start", "-H", host, "-p", port], { cwd: root, stdio: ["ignore", "pipe", "inherit"], env: process.env });
  server.stdout.on("data", (chunk: Buffer) => process.stdout.write(chunk));
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
  server.on("exit", (code) => process.exit(code ?? 0));

  const url = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  await waitForHealth(url);
  console.log(
    [
      "",
      `Baton is ready at ${url}`,
      "",
      `  Log in (this browser link holds the admin token):`,
      `    ${url}/login?token=${secrets.adminToken}`,
      "",
      "  For agents and scripts:",
      `    export BATON_URL=${url}`,
      `    export BATON_TOKEN=${secrets.agentToken}`,
      "",
      `  Data: ${redactedDatabaseUrl()}`,
      "",
    ].join("\n"),
  );
}

function nextBin(): string {
  return path.join(root, "node_modules", ".bin", "next");
}

async function waitForHealth(url: string): Promise<void> {
  for (let attempt = 0; attempt < 600; attempt++) {
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`Baton did not become healthy at ${url}`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
