// Who is calling: a bearer token (agent/admin) or a person's session cookie.
import { reader, transaction } from "@/lib/server/db/transaction";
import { hashSecret, type TokenScope } from "@/lib/server/auth/secrets";
import { findSession, SESSION_COOKIE, type SessionPrincipal } from "@/lib/server/auth/sessions";
import { cacheGeneration, onInvalidate } from "@/lib/server/cluster/invalidation";

/** `createdBy` names the person who made the token (`owner` for the admin token and `npm start`'s tokens). */
export type TokenPrincipal = { kind: "token"; tokenId: string; scope: TokenScope; name: string; createdBy: string | null };
export type Principal = TokenPrincipal | SessionPrincipal;

const LAST_USED_RESOLUTION_MS = 60_000;
const lastUsedWrites = new Map<string, number>();

// Valid tokens are remembered briefly so hot ingest paths skip a lookup per request. A revocation on any
// instance clears them (`invalidate(tx, "tokens")`); the TTL bounds the damage if that notice is ever lost.
// BATON_TOKEN_CACHE_TTL_MS lengthens it in tests, where only the invalidation may end a revoked token.
const TOKEN_CACHE_TTL_MS = Number(process.env.BATON_TOKEN_CACHE_TTL_MS) || 5_000;
const TOKEN_CACHE_MAX = 1_000;
// On globalThis: Next bundles this module into every route, and one cache (and one registration) must serve them all.
const globalForTokens = globalThis as unknown as { batonTokenCache?: Map<string, { principal: TokenPrincipal; until: number }> };
const tokenCache = (globalForTokens.batonTokenCache ??= registerTokenCache());

function registerTokenCache(): Map<string, { principal: TokenPrincipal; until: number }> {
  const cache = new Map<string, { principal: TokenPrincipal; until: number }>();
  onInvalidate("tokens", () => cache.clear());
  return cache;
}

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
    if (rawName === name) return decodeCookieValue(rest.join("="));
  }
  return undefined;
}

/** A value that is not valid percent-encoding is no session at all (401), not a server error. */
function decodeCookieValue(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

export async function authenticate(request: Request): Promise<Principal | null> {
  const token = bearerToken(request);
  if (token) return findToken(token);
  return findSession(readCookie(request, SESSION_COOKIE));
}

async function findToken(token: string): Promise<TokenPrincipal | null> {
  const tokenHash = hashSecret(token);
  const cached = tokenCache.get(tokenHash);
  if (cached && cached.until > Date.now()) {
    noteTokenUse(cached.principal.tokenId);
    return cached.principal;
  }
  const generation = cacheGeneration("tokens");
  const db = await reader();
  const row = await db.apiToken.findUnique({ where: { tokenHash } });
  if (!row || row.revokedAt) return null;
  noteTokenUse(row.id);
  const principal: TokenPrincipal = { kind: "token", tokenId: row.id, scope: row.scope as TokenScope, name: row.name, createdBy: row.createdBy };
  // A revocation that arrived while this row was read may be about this very token.
  if (generation !== cacheGeneration("tokens")) return principal;
  if (tokenCache.size >= TOKEN_CACHE_MAX) tokenCache.clear();
  tokenCache.set(tokenHash, { principal, until: Date.now() + TOKEN_CACHE_TTL_MS });
  return principal;
}

function noteTokenUse(tokenId: string): void {
  const now = Date.now();
  if (now - (lastUsedWrites.get(tokenId) ?? 0) < LAST_USED_RESOLUTION_MS) return;
  lastUsedWrites.set(tokenId, now);
  void transaction((tx) => tx.apiToken.update({ where: { id: tokenId }, data: { lastUsedAt: new Date(now) } })).catch(() => {});
}

/** A short name for the audit log. */
export function actorName(principal: Principal): string {
  return principal.kind === "session" ? `person:${principal.person.name}` : `token:${principal.name}`;
}
