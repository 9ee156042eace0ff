// A person's browser login, kept as a hashed cookie secret: opened with the admin token (the owner) or a
// person's one-time invite. Every lookup reads the database, so removing a person or changing their role
// holds at once on every instance.
import { randomBytes } from "node:crypto";
import { AppError } from "@/lib/server/errors";
import { reader, transaction, type Tx } from "@/lib/server/db/transaction";
import { generateId, hashSecret } from "@/lib/server/auth/secrets";
import { OWNER, type Me, type PersonRole } from "@/lib/schemas/person";

export const SESSION_COOKIE = "baton_session";
export const SESSION_TTL_SECONDS = 30 * 24 * 3600;

export type SessionPrincipal = { kind: "session"; sessionId: string; person: Me };

export type NewSession = { cookieValue: string; expiresAt: Date };

export async function createSessionFromAdminToken(adminToken: string): Promise<NewSession> {
  const db = await reader();
  const token = await db.apiToken.findUnique({ where: { tokenHash: hashSecret(adminToken) } });
  if (!token || token.revokedAt || token.scope !== "admin") {
    throw new AppError("unauthorized", "That admin token is not valid. Use the login URL printed by `npm start`.");
  }
  return transaction((tx) => openSession(tx, OWNER, token.id));
}

export type InviteRefusal = "unknown" | "used" | "expired";

/** Uses a one-time invite: a session for its person, or why the link opens nothing. */
export async function createSessionFromInvite(secret: string): Promise<NewSession | { refused: InviteRefusal }> {
  return transaction(async (tx) => {
    const now = new Date();
    const invite = await tx.invite.findUnique({ where: { secretHash: hashSecret(secret) } });
    if (!invite) return { refused: "unknown" as const };
    if (invite.usedAt) return { refused: "used" as const };
    if (invite.expiresAt.getTime() <= now.getTime()) return { refused: "expired" as const };
    // The condition on usedAt makes two clicks racing for one invite open one session, not two.
    const { count } = await tx.invite.updateMany({ where: { id: invite.id, usedAt: null }, data: { usedAt: now } });
    if (count === 0) return { refused: "used" as const };
    return openSession(tx, invite.personName, null);
  });
}

async function openSession(tx: Tx, personName: string, tokenId: string | null): Promise<NewSession> {
  const cookieValue = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + SESSION_TTL_SECONDS * 1000);
  await tx.session.create({ data: { id: generateId("ses"), tokenHash: hashSecret(cookieValue), personName, tokenId, expiresAt } });
  return { cookieValue, expiresAt };
}

export async function findSession(cookieValue: string | undefined): Promise<SessionPrincipal | null> {
  if (!cookieValue) return null;
  const db = await reader();
  const session = await db.session.findUnique({
    where: { tokenHash: hashSecret(cookieValue) },
    include: { token: { select: { revokedAt: true } }, person: { select: { name: true, displayName: true, role: true } } },
  });
  // An owner's session also ends with the admin token it came from (revoked, or rotated away by `npm start`).
  if (!session || session.expiresAt.getTime() <= Date.now() || session.token?.revokedAt) return null;
  const { name, displayName, role } = session.person;
  return { kind: "session", sessionId: session.id, person: { name, displayName, role: role as PersonRole } };
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
