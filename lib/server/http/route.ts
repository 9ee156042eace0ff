// The one wrapper every route handler goes through: it reads the route's contract to authenticate
// (handing authenticated handlers a non-null principal), check the Origin of cookie writes, read
// and validate input, map thrown errors to problem+json, and make POSTs idempotent when the caller
// sends an Idempotency-Key.
import type { z } from "zod";
import { AppError } from "@/lib/server/errors";
import { authenticate, type Principal } from "@/lib/server/auth/authenticate";
import type { SessionPrincipal } from "@/lib/server/auth/sessions";
import { personOf } from "@/lib/server/auth/actor";
import { roleAtLeast, type Me, type PersonRole } from "@/lib/schemas/person";
import { errorResponse } from "@/lib/server/http/problem";
import { DEFAULT_BODY_LIMIT, parseJsonBody, readBodyText } from "@/lib/server/http/read-body";
import { validate } from "@/lib/server/http/validate";
import { isOwnOrigin } from "@/lib/server/http/same-origin";
import { withIdempotency } from "@/lib/server/http/idempotency";
import type { Contract, ContractAuth, ContractBody } from "@/lib/contracts/define";
import type { Widened } from "@/lib/schemas/common";

export type Reply = { status?: number; body?: unknown; headers?: Record<string, string> };

/** Who is calling: nobody on a public route, a person on a session-only one, else any principal. */
type PrincipalOf<A extends ContractAuth> = A extends "public" ? undefined : A extends "session" ? SessionPrincipal : Principal;

/** The person calling: always one on person and session routes, maybe none (an agent token) on agent routes. */
type PersonOf<A extends ContractAuth> = A extends "public" ? undefined : A extends "agent" ? Me | null : Me;

/** What a handler receives: the contract's params, query and body, validated, and who is calling. */
export type RouteContext<C extends Contract> = {
  request: Request;
  params: C extends { params: infer S extends z.ZodType } ? z.output<S> : Record<string, never>;
  query: C extends { query: infer S extends z.ZodType } ? z.output<S> : Record<string, never>;
  body: C extends { body: { schema: infer S extends z.ZodType } } ? z.output<S> : undefined;
  principal: PrincipalOf<C["auth"]>;
  person: PersonOf<C["auth"]>;
};

type Statuses<C extends Contract, Shape> = { [S in keyof C["responses"] & number]: C["responses"][S] extends Shape ? S : never }[keyof C["responses"] & number];
type JsonStatus<C extends Contract> = Statuses<C, { schema: z.ZodType }>;
type EmptyStatus<C extends Contract> = Exclude<Statuses<C, { description: string }>, JsonStatus<C> | Statuses<C, { contentType: string }>>;
type JsonBody<C extends Contract> = { [S in JsonStatus<C>]: C["responses"][S] extends { schema: infer B extends z.ZodType } ? Widened<z.input<B>> : never }[JsonStatus<C>];

/** A reply the contract declares: a JSON status with a body its schema describes (200 when left out), or an empty one. */
export type ContractReply<C extends Contract> =
  | ((200 extends JsonStatus<C> ? { status?: JsonStatus<C> } : { status: JsonStatus<C> }) & { body: JsonBody<C>; headers?: Record<string, string> })
  | { status: EmptyStatus<C>; body?: undefined; headers?: Record<string, string> };

export type RouteHandler<C extends Contract> = (context: RouteContext<C>) => Promise<ContractReply<C> | Response>;

export type RouteOptions = {
  /** Turns a non-JSON body (e.g. text/plain) into the object the body schema validates. */
  parseBody?: (raw: string, contentType: string, request: Request) => unknown;
};

type NextContext = { params: Promise<Record<string, string | string[]>> };
type NextHandler = (request: Request, nextContext?: NextContext) => Promise<Response>;

type RawContext = { request: Request; params: unknown; query: unknown; body: unknown; principal: Principal | undefined; person: Me | null | undefined };

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function route<const C extends Contract>(contract: C, handle: RouteHandler<C>, options?: RouteOptions): NextHandler;
export function route(contract: Contract, handle: (context: RawContext) => Promise<Reply | Response>, options: RouteOptions = {}): NextHandler {
  return async (request, nextContext) => {
    try {
      const principal = await authorize(request, contract);
      const rawParams = nextContext ? await nextContext.params : {};
      const params = contract.params ? validate(contract.params, rawParams, "path") : rawParams;
      const url = new URL(request.url);
      const query = contract.query ? validate(contract.query, Object.fromEntries(url.searchParams), "query") : {};
      const rawBody = UNSAFE_METHODS.has(request.method) ? await readBodyText(request, contract.maxBodyBytes ?? DEFAULT_BODY_LIMIT) : "";
      const body = contract.body ? validate(contract.body.schema, readBody(request, rawBody, contract.body, options.parseBody)) : undefined;
      const context: RawContext = { request, params, body, query, principal, person: principal && personOf(principal) };

      const idempotencyKey = request.method === "POST" && contract.idempotent !== false ? request.headers.get("idempotency-key") : null;
      if (idempotencyKey !== null) {
        return await withIdempotency(
          { key: idempotencyKey, scope: `${request.method} ${url.pathname}`, fingerprint: `${request.headers.get("content-type") ?? ""}\n${url.search}\n${rawBody}` },
          async () => toResponse(await handle(context)),
        );
      }
      return toResponse(await handle(context));
    } catch (error) {
      return errorResponse(error);
    }
  };
}

async function authorize(request: Request, contract: Contract): Promise<Principal | undefined> {
  const unsafe = UNSAFE_METHODS.has(request.method);
  if (contract.auth === "public") {
    if (unsafe && contract.sameOrigin) assertSameOrigin(request);
    return undefined;
  }
  const principal = await authenticate(request);
  if (!principal) {
    throw new AppError("unauthorized", "Send `Authorization: Bearer <token>` (the agent token printed by `npm start`) or log in.");
  }
  // A cookie rides along on any request the browser makes, so a write made with one must come from our pages.
  if (principal.kind === "session" && unsafe) assertSameOrigin(request);
  if (contract.auth === "session" && principal.kind !== "session") {
    throw new AppError("forbidden", "Only a person logged in to the dashboard may do this; no bearer token may, not even the admin one.");
  }
  if (contract.auth === "person" && principal.kind !== "session" && principal.scope !== "admin") {
    throw new AppError("forbidden", "Only a person logged in to the dashboard may do this; agent tokens cannot.");
  }
  if (principal.kind === "session") assertRole(principal.person, contract.role);
  return principal;
}

function assertRole(person: Me, required: PersonRole): void {
  if (roleAtLeast(person.role, required)) return;
  throw new AppError("role-required", `This needs the ${required} role; ${person.name} is a ${person.role}. An admin can change roles on the People page.`, {
    extensions: { requiredRole: required, role: person.role },
  });
}

/** Browser writes must come from our own pages: the Origin header must be our origin. */
function assertSameOrigin(request: Request): void {
  const origin = request.headers.get("origin");
  if (!origin) throw new AppError("forbidden", "The Origin header is missing; browser writes must come from the Baton dashboard.");
  if (!isOwnOrigin(request, origin)) {
    throw new AppError("forbidden", `Requests from ${origin} are not allowed; only the dashboard's own origin may write.`);
  }
}

function readBody(request: Request, rawBody: string, spec: ContractBody, parseBody?: RouteOptions["parseBody"]): unknown {
  if (spec.optional && rawBody.trim() === "") return {};
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
