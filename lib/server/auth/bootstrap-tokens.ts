// The admin and agent tokens printed by `npm start`: fixed by env vars, or
// generated once and kept in the data folder (mode 0600).
import fs from "node:fs";
import path from "node:path";
import { transaction } from "@/lib/server/db/transaction";
import { ensurePrivateDir } from "@/lib/server/db/private-files";
import { invalidate } from "@/lib/server/cluster/invalidation";
import { generateId, generateToken, hashSecret, tokenPrefix, type TokenScope } from "@/lib/server/auth/secrets";
import { ensureOwner } from "@/lib/server/people/ensure-owner";
import { OWNER } from "@/lib/schemas/person";

export type BootstrapSecrets = { adminToken: string; agentToken: string };

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

/**
 * Makes the two configured tokens exist (hashed). A value seen before keeps its row untouched, so a revoked
 * token stays revoked across restarts. A new value is a new row, and the earlier `npm start` token of that
 * scope is revoked and its sessions end (rotating BATON_ADMIN_TOKEN logs everyone out).
 * Both belong to the owner, the person the admin token logs in (made here when missing).
 * Returns the scopes whose configured token is revoked, for start to warn about.
 */
export async function installBootstrapTokens(secrets: BootstrapSecrets): Promise<TokenScope[]> {
  return transaction(async (tx) => {
    await ensureOwner(tx);
    const revoked: TokenScope[] = [];
    for (const [scope, token] of [
      ["admin", secrets.adminToken],
      ["agent", secrets.agentToken],
    ] as const) {
      const tokenHash = hashSecret(token);
      const known = await tx.apiToken.findUnique({ where: { tokenHash }, select: { revokedAt: true } });
      if (known) {
        if (known.revokedAt) revoked.push(scope);
        continue;
      }
      const idPrefix = `bootstrap-${scope}`;
      const replaced = (await tx.apiToken.findMany({ where: { id: { startsWith: idPrefix }, revokedAt: null }, select: { id: true } })).map((row) => row.id);
      await tx.apiToken.updateMany({ where: { id: { in: replaced } }, data: { revokedAt: new Date() } });
      await tx.session.deleteMany({ where: { tokenId: { in: replaced } } });
      // Instances already running (on PostgreSQL) stop accepting the replaced token at once.
      if (replaced.length > 0) await invalidate(tx, "tokens");
      await tx.apiToken.create({
        data: { id: generateId(idPrefix), scope, name: `${scope} token (from npm start)`, tokenHash, prefix: tokenPrefix(token), createdBy: OWNER },
      });
    }
    return revoked;
  });
}
