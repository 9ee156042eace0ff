// The admin and agent tokens printed by `npm start`: fixed by env vars, or
// generated once and kept in the data folder (mode 0600).
import fs from "node:fs";
import path from "node:path";
import { transaction } from "@/lib/server/db/transaction";
import { ensurePrivateDir } from "@/lib/server/db/private-files";
import { hashSecret, generateToken, tokenPrefix, type TokenScope } from "@/lib/server/auth/secrets";

export type BootstrapSecrets = { adminToken: string; agentToken: string };

const BOOTSTRAP_IDS: Record<TokenScope, string> = { admin: "bootstrap-admin", agent: "bootstrap-agent" };

export function loadBootstrapSecrets(dataDir: string, env: NodeJS.ProcessEnv = process.env): BootstrapSecrets {
  const file = path.join(dataDir, "secrets.json");
  let stored: Partial<BootstrapSecrets> = {};
  if (fs.existsSync(file)) stored = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<BootstrapSecrets>;
  const secrets: BootstrapSecrets = {
    adminToken: env.BATON_ADMIN_TOKEN || stored.adminToken || generateToken("admin"),
    agentToken: env.BATON_AGENT_TOKEN || stored.agentToken || generateToken("agent"),
  };
  if (!env.BATON_ADMIN_TOKEN || !env.BATON_AGENT_TOKEN) {
    const toStore = {
      adminToken: env.BATON_ADMIN_TOKEN ? stored.adminToken ?? generateToken("admin") : secrets.adminToken,
      agentToken: env.BATON_AGENT_TOKEN ? stored.agentToken ?? generateToken("agent") : secrets.agentToken,
    };
    ensurePrivateDir(dataDir);
    fs.writeFileSync(file, JSON.stringify(toStore, null, 2) + "\n", { mode: 0o600 });
    fs.chmodSync(file, 0o600);
  }
  return secrets;
}

/** Makes the database hold exactly these two bootstrap tokens (hashed). */
export async function installBootstrapTokens(secrets: BootstrapSecrets): Promise<void> {
  await transaction(async (tx) => {
    for (const [scope, token] of [
      ["admin", secrets.adminToken],
      ["agent", secrets.agentToken],
    ] as const) {
      const data = { scope, name: `${scope} token (from npm start)`, tokenHash: hashSecret(token), prefix: tokenPrefix(token), revokedAt: null };
      await tx.apiToken.upsert({ where: { id: BOOTSTRAP_IDS[scope] }, create: { id: BOOTSTRAP_IDS[scope], ...data }, update: data });
    }
  });
}
