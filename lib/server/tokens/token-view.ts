import type { Prisma } from "@/generated/prisma/client";

type TokenRow = Prisma.ApiTokenGetPayload<object>;

/** A token as people see it: never the secret, only its first characters. */
export function toTokenView(row: TokenRow) {
  return {
    id: row.id,
    name: row.name,
    scope: row.scope,
    prefix: row.prefix,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}
export type TokenView = ReturnType<typeof toTokenView>;
