import { tokenCreateSchema, tokenIdParams } from "@/lib/schemas/token";
import type { Contract } from "@/lib/contracts/define";

export const operations: Contract[] = [
  {
    method: "POST",
    path: "/api/v1/tokens",
    operationId: "createToken",
    summary: "Create an agent token (person only); the secret is in this response only",
    tags: ["tokens"],
    auth: "person",
    body: { schema: tokenCreateSchema },
    idempotent: false,
    responses: { 201: { description: "`{id, name, scope, prefix, token, createdAt, lastUsedAt, revokedAt}`; `token` is never shown again." } },
  },
  {
    method: "GET",
    path: "/api/v1/tokens",
    operationId: "listTokens",
    summary: "Tokens with their prefix, last use and revocation (person only)",
    tags: ["tokens"],
    auth: "person",
    responses: { 200: { description: "`{items}`, never the secrets." } },
  },
  {
    method: "DELETE",
    path: "/api/v1/tokens/{id}",
    operationId: "revokeToken",
    summary: "Revoke an agent token; its next call gets 401 (person only)",
    tags: ["tokens"],
    auth: "person",
    params: tokenIdParams,
    responses: { 200: { description: "The revoked token." } },
    errors: [404, 409],
  },
];
