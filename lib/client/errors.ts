// The two ways a call to Baton fails: the server answered with a problem, or it could not be reached.
import type { z } from "zod";
import type { problemSchema } from "@/lib/schemas/common";

export type ApiProblem = z.infer<typeof problemSchema> & Record<string, unknown>;

/** The server refused the request (RFC 9457 problem+json). */
export class ApiError extends Error {
  readonly status: number;
  readonly type: string;
  readonly title: string;
  readonly detail: string;
  readonly problem: ApiProblem;

  constructor(problem: ApiProblem) {
    super(problem.detail);
    this.name = "ApiError";
    this.status = problem.status;
    this.type = problem.type;
    this.title = problem.title;
    this.detail = problem.detail;
    this.problem = problem;
  }

  /** The problem's `type` ends in this code, e.g. `approval-required`. */
  is(code: string): boolean {
    return this.type.endsWith(`/${code}`);
  }
}

/** Nothing came back (refused connection, DNS, reset): the write may be queued and retried later. */
export class NetworkError extends Error {
  constructor(
    readonly url: string,
    cause: unknown,
  ) {
    super(`Cannot reach Baton at ${url}: ${describeCause(cause)}`, { cause });
    this.name = "NetworkError";
  }
}

function describeCause(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = (cause as Error & { cause?: unknown }).cause;
    if (inner instanceof Error) return "code" in inner ? String(inner.code) : inner.message;
    return cause.message;
  }
  return String(cause);
}

/** A problem+json body as sent, or a stand-in when the body is not one (a proxy's HTML page). */
export function toProblem(status: number, statusText: string, body: unknown): ApiProblem {
  if (body && typeof body === "object" && typeof (body as ApiProblem).detail === "string") {
    const problem = body as ApiProblem;
    return { ...problem, status: typeof problem.status === "number" ? problem.status : status, type: problem.type ?? "about:blank", title: problem.title ?? statusText };
  }
  return { type: "about:blank", title: statusText || `HTTP ${status}`, status, detail: `Baton answered ${status} ${statusText}`.trim() };
}
