// Idempotency-Key support: the first successful response is stored in the same
// transaction as the write it describes, so a retry (even a concurrent one) replays it.
import { createHash } from "node:crypto";
import { AppError } from "@/lib/server/errors";
import { transaction } from "@/lib/server/db/transaction";

export const IDEMPOTENCY_RETENTION_MS = 24 * 3600 * 1000;

type IdempotencyRequest = { key: string; scope: string; fingerprint: string };

export async function withIdempotency(request: IdempotencyRequest, run: () => Promise<Response>): Promise<Response> {
  if (request.key.length === 0 || request.key.length > 255) {
    throw new AppError("validation-failed", "The Idempotency-Key header must be 1–255 characters.", {
      errors: [{ path: "headers.idempotency-key", message: "must be 1–255 characters" }],
    });
  }
  const requestHash = createHash("sha256").update(request.fingerprint).digest("hex");
  return transaction(async (tx) => {
    const existing = await tx.idempotencyRecord.findUnique({ where: { scope_key: { scope: request.scope, key: request.key } } });
    if (existing && Date.now() - existing.createdAt.getTime() < IDEMPOTENCY_RETENTION_MS) {
      if (existing.requestHash !== requestHash) {
        throw new AppError(
          "idempotency-key-reused",
          `Idempotency-Key "${request.key}" was already used with a different request body; use a new key for a new request.`,
        );
      }
      return replay(existing.status, existing.responseBody);
    }
    const response = await run();
    if (response.status >= 200 && response.status < 300) {
      const text = await response.clone().text();
      const data = { requestHash, status: response.status, responseBody: text, createdAt: new Date() };
      await tx.idempotencyRecord.upsert({
        where: { scope_key: { scope: request.scope, key: request.key } },
        create: { scope: request.scope, key: request.key, ...data },
        update: data,
      });
    }
    return response;
  });
}

function replay(status: number, body: string): Response {
  return new Response(body === "" ? null : body, {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", "idempotent-replayed": "true" },
  });
}

export async function pruneIdempotencyRecords(now = Date.now()): Promise<number> {
  const { count } = await transaction((tx) =>
    tx.idempotencyRecord.deleteMany({ where: { createdAt: { lt: new Date(now - IDEMPOTENCY_RETENTION_MS) } } }),
  );
  return count;
}
