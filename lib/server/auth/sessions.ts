// A person's browser login: created from the admin token, kept as a hashed cookie secret.
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/server/errors";
import { reader, transaction } from "@/lib/server/db/transaction";
import { generateId, hashSecret } from "@/lib/server/auth/secrets";

export const SESSION_COOKIE = "baton_session";
export const SESSION_TTL_SECONDS = 30 * 24 * 3600;

export type SessionPrincipal = { kind: "session"; sessionId: string; label: string };

export async function createSessionFromAdminToken(adminToken: string): Promise<{ cookieValue: string; expiresAt: Date }> {
  const db = await reader();
  const token = await db.apiToken.findUnique({ where: { tokenHash: hashSecret(adminToken) } });
  if (!token || token.revokedAt || token.scope !== "admin") {
    throw new AppError("unauthorized", "That admin token is not valid. Use the login URL printed by `npm start`.");
  }
  const cookieValue = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_SECONDS * 1000);
  await transaction((tx) =>
    tx.session.create({ data: { id: generateId("ses"), tokenHash: hashSecret(cookieValue), tokenId: token.id, label: "admin", expiresAt } }),
  );
  return { cookieValue, expiresAt };
}

export async function findSession(cookieValue: string | undefined): Promise<SessionPrincipal | null> {
  if (!cookieValue) return null;
  const db = await reader();
  const session = await db.session.findUnique({ where: { tokenHash: hashSecret(cookieValue) }, include: { token: { select: { revokedAt: true } } } });
  // A session ends with the admin token it came from (revoked, or rotated away by `npm start`).
  if (!session || session.expiresAt.getTime() <= Date.now() || session.token.revokedAt) return null;
  return { kind: "session", sessionId: session.id, label: session.label ?? "person" };
}

export async function endSession(cookieValue: string | undefined): Promise<void> {
  if (!cookieValue) return;
  await transaction((tx) => tx.session.deleteMany({ where: { tokenHash: hashSecret(cookieValue) } }));
}

/** Deletes sessions past their expiry (the scheduler's housekeeping); returns how many. */
export async function deleteExpiredSessions(now = new Date()): Promise<number> {
  const { count } = await transaction((tx) => tx.session.deleteMany({ where: { expiresAt: { lte: now } } }));
  return count;
}
