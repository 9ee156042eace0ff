// The shape every route declares once: route() enforces it, the OpenAPI document describes it, and a
// typed client reads it. Browser-safe: zod schemas only, no server code.
import type { z } from "zod";
import type { PersonRole } from "@/lib/schemas/person";

export type HttpMethod = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";

/**
 * - `agent`: any valid bearer token, or a person's session (browser calls).
 * - `person`: a person's session, or the admin token.
 * - `session`: only a person's browser session, never a bearer token.
 * - `public`: no authentication.
 */
export type ContractAuth = "agent" | "person" | "session" | "public";

export type ContractResponse = {
  description: string;
  /** A JSON body (application/json), described by the schema's output. */
  schema?: z.ZodType;
  /** A non-JSON body, e.g. `text/markdown` or `text/event-stream`, answered with a raw `Response`. */
  contentType?: string;
  headers?: Record<string, string>;
};

export type ContractBody = {
  schema: z.ZodType;
  /** Content types accepted besides JSON, each carried as a string (e.g. a text/plain checkpoint note). */
  textContentTypes?: Record<string, string>;
  description?: string;
  /** The shape to document when validation is deliberately looser (batch items are validated one by one). */
  documentedAs?: z.ZodType;
  /** An empty body stands for `{}`. */
  optional?: true;
};

export type ContractHeader = { name: string; description: string; schema?: z.ZodType };

/**
 * Who may call: `auth` says which credentials are accepted; `role` is the least role a logged-in person needs
 * (viewer < approver < admin; 403 `role-required` below it). Every authenticated route must decide its role.
 * The admin token counts as the owner (an admin); agent tokens are no person and keep the abilities `auth` gives them.
 */
export type ContractAccess = { auth: "public"; role?: never } | { auth: Exclude<ContractAuth, "public">; role: PersonRole };

export type Contract = ContractAccess & {
  method: HttpMethod;
  /** From the server root, `{param}` for a `[param]` route segment. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  params?: z.ZodType;
  query?: z.ZodType;
  headers?: ContractHeader[];
  body?: ContractBody;
  /** Largest accepted body; 413 above it (default 1 MiB). */
  maxBodyBytes?: number;
  /** Every response that is not a problem, by status. */
  responses: Partial<Record<number, ContractResponse>>;
  /** Problem statuses this operation can answer besides those implied by auth, params and body. */
  errors?: number[];
  /**
   * POSTs replay their first response for a repeated `Idempotency-Key`; `false` opts out (a token
   * shown once must never sit in the replay table).
   */
  idempotent?: false;
  /**
   * A cookie write that works without a session (logout) still has to come from our own pages.
   * Writes made with a session always do, whatever this says.
   */
  sameOrigin?: true;
};

export function defineContract<const C extends Contract>(contract: C): C {
  return contract;
}
