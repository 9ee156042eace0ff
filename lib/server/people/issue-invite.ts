// A one-time login link for a person: the secret is returned once and stored hashed; an earlier unused link stops working.
import { randomBytes } from "node:crypto";
import type { Tx } from "@/lib/server/db/transaction";
import { generateId, hashSecret } from "@/lib/server/auth/secrets";
import { publicUrl } from "@/lib/server/config";

export const INVITE_TTL_SECONDS = 7 * 24 * 3600;

export async function issueInvite(tx: Tx, personName: string, createdBy: string): Promise<{ inviteUrl: string }> {
  const secret = `baton_inv_${randomBytes(32).toString("base64url")}`;
  await tx.invite.deleteMany({ where: { personName, usedAt: null } });
  await tx.invite.create({
    data: { id: generateId("inv"), personName, secretHash: hashSecret(secret), createdBy, expiresAt: new Date(Date.now() + INVITE_TTL_SECONDS * 1000) },
  });
  return { inviteUrl: `${publicUrl()}/login?invite=${secret}` };
}
