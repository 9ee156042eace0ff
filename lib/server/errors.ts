// Typed domain errors: thrown by domain code, mapped to problem+json once in the route helper.
export const problemCatalog = {
  "malformed-request": { status: 400, title: "Malformed request" },
  unauthorized: { status: 401, title: "Authentication required" },
  forbidden: { status: 403, title: "Forbidden" },
  "gate-locked": { status: 403, title: "Gate locked" },
  "self-review": { status: 403, title: "Self-review not allowed" },
  "role-required": { status: 403, title: "Role required" },
  "not-found": { status: 404, title: "Not found" },
  "method-not-allowed": { status: 405, title: "Method not allowed" },
  conflict: { status: 409, title: "Conflict" },
  "approval-required": { status: 409, title: "Approval required" },
  "verification-incomplete": { status: 409, title: "Verification incomplete" },
  "payload-too-large": { status: 413, title: "Payload too large" },
  "unsupported-media-type": { status: 415, title: "Unsupported media type" },
  "validation-failed": { status: 422, title: "Validation failed" },
  "idempotency-key-reused": { status: 422, title: "Idempotency key reused with a different request" },
  "too-many-requests": { status: 429, title: "Too many requests" },
  internal: { status: 500, title: "Internal server error" },
} as const;

export type ProblemCode = keyof typeof problemCatalog;

export type FieldError = { path: string; message: string };

export class AppError extends Error {
  readonly code: ProblemCode;
  readonly errors?: FieldError[];
  readonly extensions?: Record<string, unknown>;
  /** When trying again may succeed (sent as `Retry-After`). */
  readonly retryAfterSeconds?: number;

  constructor(
    code: ProblemCode,
    detail: string,
    options: { errors?: FieldError[]; extensions?: Record<string, unknown>; retryAfterSeconds?: number } = {},
  ) {
    super(detail);
    this.name = "AppError";
    this.code = code;
    this.errors = options.errors;
    this.extensions = options.extensions;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return problemCatalog[this.code].status;
  }
}

export const notFound = (what: string) => new AppError("not-found", `${what} was not found.`);
