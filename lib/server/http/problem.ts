// RFC 9457 problem+json responses.
import { AppError, problemCatalog, type FieldError, type ProblemCode } from "@/lib/server/errors";

export type Problem = {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
  [extension: string]: unknown;
};

export const problemType = (code: ProblemCode) => `/problems/${code}`;

export function toProblem(error: AppError): Problem {
  const { status, title } = problemCatalog[error.code];
  return {
    ...error.extensions,
    type: problemType(error.code),
    title,
    status,
    detail: error.message,
    ...(error.errors ? { errors: error.errors } : {}),
  };
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(problem), {
    status: problem.status,
    headers: { "content-type": "application/problem+json", "cache-control": "no-store", ...headers },
  });
}

export function errorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    return problemResponse(toProblem(error), error.retryAfterSeconds === undefined ? {} : { "retry-after": String(error.retryAfterSeconds) });
  }
  console.error("[baton] unexpected error", error);
  return problemResponse(toProblem(new AppError("internal", "Something went wrong on the server. The request was not applied.")));
}
