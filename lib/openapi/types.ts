// The shape every documented endpoint is declared in; lib/openapi/document.ts turns these into OpenAPI 3.1.
import type { z } from "zod";

export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/**
 * - `bearer`: an agent or admin token (a person's session cookie works too).
 * - `person`: a person's session, or an admin token.
 * - `session`: only a person's browser session (with a same-origin `Origin` header).
 * - `public`: no authentication.
 */
export type OperationAuth = "bearer" | "person" | "session" | "public";

export type OperationResponse = {
  description: string;
  /** JSON body (application/json) described by a zod schema, read as output. */
  schema?: z.ZodType;
  /** A non-JSON body, e.g. `text/markdown` or `text/event-stream`. */
  contentType?: string;
  headers?: Record<string, string>;
};

export type OperationBody = {
  schema: z.ZodType;
  /** Content types accepted besides JSON, each carried as a string (e.g. a text/plain checkpoint note). */
  textContentTypes?: Record<string, string>;
  /** When true the body may be omitted. */
  optional?: boolean;
  description?: string;
};

export type OperationHeader = { name: string; description: string; schema?: z.ZodType };

export type Operation = {
  method: HttpMethod;
  /** OpenAPI path from the server root, `{param}` for a `[param]` route segment. */
  path: string;
  operationId: string;
  summary: string;
  description?: string;
  tags: string[];
  auth: OperationAuth;
  params?: z.ZodType;
  query?: z.ZodType;
  headers?: OperationHeader[];
  body?: OperationBody;
  /** Success responses by status; problem+json errors are added from `errors`. */
  responses: Record<number, OperationResponse>;
  /** Error statuses this operation can answer besides the ones implied by auth/params/body. */
  errors?: number[];
  /** `Idempotency-Key` is honoured (POST routes). */
  idempotent?: boolean;
};
