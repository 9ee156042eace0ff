// Idempotency-Key support: the first successful response is stored in the same
// transaction as the write it describes, so a retry (even a concurrent one) replays it.
import { createHash } from "node:crypto";
import { AppError } from "@/lib/server/errors";
import { transaction, type Tx } from "@/lib/server/db/transaction";

export const IDEMPOTENCY_RETENTION_MS = 24 * 3600 * 1000;

type IdempotencyRequest = { key: string; scope: string; fingerprint: string };

/** A validated key with the hash of the request it names. */
export type IdempotencyClaim = { key: string; scope: string; requestHash: string };

export type StoredResponse = { status: number; body: string };

export function claimIdempotency(request: IdempotencyRequest): IdempotencyClaim {
  if (request.key.length === 0 || request.key.length > 255) {
    throw new AppError("validation-failed", "The Idempotency-Key header must be 1–255 characters.", {
      errors: [{ path: "headers.idempotency-key", message: "must be 1–255 characters" }],
    });
  }
  return { key: request.key, scope: request.scope, requestHash: createHash("sha256").update(request.fingerprint).digest("hex") };
}

export const claimId = (claim: Pick<IdempotencyClaim, "scope" | "key">) => `${claim.scope}\n${claim.key}`;

export async function withIdempotency(request: IdempotencyRequest, run: () => Promise<Response>): Promise<Response> {
  const claim = claimIdempotency(request);
  return transaction(async (tx) => {
    const stored = (await findStoredResponses(tx, [claim])).get(claimId(claim));
    if (stored instanceof AppError) throw stored;
    if (stored) return replay(stored);
    const response = await run();
    if (response.status >= 200 && response.status < 300) {
      await storeResponses(tx, [{ claim, status: response.status, body: await response.clone().text() }]);
    }
    return response;
  });
}

/**
 * For each claim with a live stored response: that response to replay, or the error for a key used
 * with a different request. Claims without one are absent from the map.
 */
export async function findStoredResponses(tx: Tx, claims: IdempotencyClaim[]): Promise<Map<string, StoredResponse | AppError>> {
  const found = new Map<string, StoredResponse | AppError>();
  if (claims.length === 0) return found;
  const records = await tx.idempotencyRecord.findMany({
    where: { OR: claims.map(({ scope, key }) => ({ scope, key })), createdAt: { gte: new Date(Date.now() - IDEMPOTENCY_RETENTION_MS) } },
  });
  const byId = new Map(claims.map((claim) => [claimId(claim), claim]));
  for (const record of records) {
    const claim = byId.get(claimId(record));
    if (!claim) continue;
    found.set(
      claimId(record),
      record.requestHash === claim.requestHash ? { status: record.status, body: record.responseBody } : keyReused(claim.key),
    );
  }
  return found;
}

/** Stores first responses (replacing expired records under the same key). */
export async function storeResponses(tx: Tx, entries: { claim: IdempotencyClaim; status: number; body: string }[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.idempotencyRecord.deleteMany({ where: { OR: entries.map(({ claim }) => ({ scope: claim.scope, key: claim.key })) } });
  const createdAt = new Date();
  await tx.idempotencyRecord.createMany({
    data: entries.map(({ claim, status, body }) => ({ scope: claim.scope, key: claim.key, requestHash: claim.requestHash, status, responseBody: body, createdAt })),
  });
}

export function keyReused(key: string): AppError {
  return new AppError(
    "idempotency-key-reused",
    `Idempotency-Key "${key}" was already used with a different request body; use a new key for a new request.`,
  );
}

export function replay(stored: StoredResponse): Response {
  return new Response(stored.body === "" ? null : stored.body, {
    status: stored.status,
    headers: { "content-type": "application/json", "cache-control": "no-store", "idempotent-replayed": "true" },
  });
}

export async function pruneIdempotencyRecords(now = Date.now()): Promise<number> {
  const { count } = await transaction((tx) =>
    tx.idempotencyRecord.deleteMany({ where: { createdAt: { lt: new Date(now - IDEMPOTENCY_RETENTION_MS) } } }),
  );
  return count;
}
