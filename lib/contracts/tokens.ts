// Contracts of the people-only agent token endpoints.
import { defineContract } from "@/lib/contracts/define";
import { tokenCreateSchema, tokenCreatedSchema, tokenIdParams, tokenListSchema, tokenViewSchema } from "@/lib/schemas/token";

export const createToken = defineContract({
  method: "POST",
  path: "/api/v1/tokens",
  operationId: "createToken",
  summary: "Create an agent token (admin only); the secret is in this response only",
  tags: ["tokens"],
  auth: "person",
  role: "admin",
  body: { schema: tokenCreateSchema },
  responses: { 201: { description: "The token; `token` is never shown again.", schema: tokenCreatedSchema } },
  // The new token is shown exactly once; its plaintext must not sit in the idempotency table.
  idempotent: false,
});

export const listTokens = defineContract({
  method: "GET",
  path: "/api/v1/tokens",
  operationId: "listTokens",
  summary: "Tokens with their prefix, last use and revocation (admin only)",
  tags: ["tokens"],
  auth: "person",
  role: "admin",
  responses: { 200: { description: "The tokens, never their secrets.", schema: tokenListSchema } },
});

export const revokeToken = defineContract({
  method: "DELETE",
  path: "/api/v1/tokens/{id}",
  operationId: "revokeToken",
  summary: "Revoke an agent token; its next call gets 401 (admin only)",
  tags: ["tokens"],
  auth: "person",
  role: "admin",
  params: tokenIdParams,
  responses: { 200: { description: "The revoked token.", schema: tokenViewSchema } },
  errors: [404, 409],
});
