// Who is calling: a bearer token (agent/admin) or a person's session cookie.
import { reader, transaction } from "@/lib/server/db/transaction";
import { hashSecret, type TokenScope } from "@/lib/server/auth/secrets";
import { findSession, SESSION_COOKIE, type SessionPrincipal } from "@/lib/server/auth/sessions";

export type TokenPrincipal = { kind: "token"; tokenId: string; scope: TokenScope; name: string };
export type Principal = TokenPrincipal | SessionPrincipal;

const LAST_USED_RESOLUTION_MS = 60_000;
const lastUsedWrites = new Map<string, number>();

export function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1] : null;
}

export function readCookie(request: Request, name: string): string | undefined {
  const header = request.headers.get("cookie");
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [rawName, ...rest] = part.trim().split("=");
    if (rawName === name) return decodeURIComponent(rest.join("="));
  }
  return undefined;
}

export async function authenticate(request: Request): Promise<Principal | null> {
  const token = bearerToken(request);
  if (token) return findToken(token);
  return findSession(readCookie(request, SESSION_COOKIE));
}

async function findToken(token: string): Promise<TokenPrincipal | null> {
  const db = await reader();
  const row = await db.apiToken.findUnique({ where: { tokenHash: hashSecret(token) } });
  if (!row || row.revokedAt) return null;
  noteTokenUse(row.id);
  return { kind: "token", tokenId: row.id, scope: row.scope as TokenScope, name: row.name };
}

function noteTokenUse(tokenId: string): void {
  const now = Date.now();
  if (now - (lastUsedWrites.get(tokenId) ?? 0) < LAST_USED_RESOLUTION_MS) return;
  lastUsedWrites.set(tokenId, now);
  void transaction((tx) => tx.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: new Date(now) } })).catch(() => {});
}

/** A short name for the audit log. */
export function actorName(principal: Principal): string {
  return principal.kind === "session" ? `person:${principal.label}` : `token:${principal.name}`;
}
