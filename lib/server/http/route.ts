// The one wrapper every API route handler goes through: authenticate, read and
// validate input, run the domain call, map errors to problem+json, and make
// POSTs idempotent when the caller sends an Idempotency-Key.
import type { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { authenticate, type Principal } from "@/lib/server/auth/authenticate";
import { errorResponse } from "@/lib/server/http/problem";
import { DEFAULT_BODY_LIMIT, parseJsonBody, readBodyText } from "@/lib/server/http/read-body";
import { validate } from "@/lib/server/http/validate";
import { isOwnOrigin } from "@/lib/server/http/same-origin";
import { withIdempotency } from "@/lib/server/http/idempotency";

/**
 * - `agent`: any valid bearer token, or a person's session (browser calls).
 * - `person`: a person's session; admin bearer tokens too unless `sessionOnly`.
 * - `public`: no authentication.
 */
export type AuthMode = "agent" | "person" | "public";

export type Reply = { status?: number; body?: unknown; headers?: Record<string, string> };

type Context<P, B, Q> = {
  request: Request;
  params: P;
  body: B;
  query: Q;
  principal: Principal | null;
  rawBody: string;
};

type RouteSpec<PS extends z.ZodType | undefined, BS extends z.ZodType | undefined, QS extends z.ZodType | undefined> = {
  auth: AuthMode;
  /** Only a browser session may call this route (never a bearer token). */
  sessionOnly?: boolean;
  params?: PS;
  body?: BS;
  query?: QS;
  maxBodyBytes?: number;
  /** Ignore Idempotency-Key: for responses that must never be stored (a token shown once). */
  storesNoReplay?: boolean;
  /** Turns a non-JSON body (e.g. text/plain) into the object the body schema validates. */
  parseBody?: (raw: string, contentType: string, request: Request) => unknown;
  handle: (
    context: Context<
      PS extends z.ZodType ? z.output<PS> : Record<string, string>,
      BS extends z.ZodType ? z.output<BS> : undefined,
      QS extends z.ZodType ? z.output<QS> : undefined
    >,
  ) => Promise<Reply | Response>;
};

type NextContext = { params: Promise<Record<string, string | string[]>> };

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function route<PS extends z.ZodType | undefined = undefined, BS extends z.ZodType | undefined = undefined, QS extends z.ZodType | undefined = undefined>(
  spec: RouteSpec<PS, BS, QS>,
) {
  return async (request: Request, nextContext?: NextContext): Promise<Response> => {
    try {
      const principal = await authorize(request, spec.auth, spec.sessionOnly ?? false);
      const rawParams = nextContext ? await nextContext.params : {};
      const params = spec.params ? validate(spec.params, rawParams, "path") : rawParams;
      const url = new URL(request.url);
      const query = spec.query ? validate(spec.query, Object.fromEntries(url.searchParams), "query") : undefined;
      const rawBody = UNSAFE_METHODS.has(request.method) ? await readBodyText(request, spec.maxBodyBytes ?? DEFAULT_BODY_LIMIT) : "";
      const body = spec.body ? validate(spec.body, decodeBody(request, rawBody, spec.parseBody)) : undefined;
      const context = { request, params, body, query, principal, rawBody } as Parameters<typeof spec.handle>[0];

      const idempotencyKey = request.method === "POST" && !spec.storesNoReplay ? request.headers.get("idempotency-key") : null;
      if (idempotencyKey !== null) {
        return await withIdempotency(
          { key: idempotencyKey, scope: `${request.method} ${url.pathname}`, fingerprint: `${request.headers.get("content-type") ?? ""}\n${url.search}\n${rawBody}` },
          async () => toResponse(await spec.handle(context)),
        );
      }
      return toResponse(await spec.handle(context));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

async function authorize(request: Request, mode: AuthMode, sessionOnly: boolean): Promise<Principal | null> {
  if (mode === "public") return null;
  const principal = await authenticate(request);
  if (!principal) {
    throw new AppError("unauthorized", "Send `Authorization: Bearer <token>` (the agent token printed by `npm start`) or log in.");
  }
  if (principal.kind === "session" && UNSAFE_METHODS.has(request.method)) assertSameOrigin(request);
  if (mode === "person") {
    const allowed = principal.kind === "session" || (!sessionOnly && principal.scope === "admin");
    if (!allowed) throw new AppError("forbidden", "Only a person logged in to the dashboard may do this; agent tokens cannot.");
  }
  return principal;
}

/** Browser writes must come from our own pages: the Origin header must be our origin. */
export function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) throw new AppError("forbidden", "The Origin header is missing; browser writes must come from the Baton dashboard.");
  if (!isOwnOrigin(request, origin)) {
    throw new AppError("forbidden", `Requests from ${origin} are not allowed; only the dashboard's own origin may write.`);
  }
}

function decodeBody(request: Request, rawBody: string, parseBody?: RouteSpec<undefined, undefined, undefined>["parseBody"]): unknown {
  const contentType = (request.headers.get("content-type") ?? "application/json").toLowerCase();
  if (parseBody && !contentType.includes("json")) return parseBody(rawBody, contentType, request);
  if (!contentType.includes("json")) {
    throw new AppError("unsupported-media-type", `Send the body as application/json (got ${contentType}).`);
  }
  return parseJsonBody(rawBody);
}

export function toResponse(reply: Reply | Response): Response {
  if (reply instanceof Response) return reply;
  const status = reply.status ?? 200;
  if (reply.body === undefined || status === 204) return new Response(null, { status, headers: reply.headers });
  return new Response(JSON.stringify(reply.body), {
    status,
    headers: { "content-type": "application/json", "cache-control": "no-store", ...reply.headers },
  });
}
