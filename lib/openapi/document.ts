// Composes the OpenAPI 3.1 document from the contract every route declares (lib/contracts); every
// schema in it is generated from the zod schema that validates the same input or describes the output.
import { z } from "zod";
import { problemCatalog } from "@/lib/server/errors";
import { problemSchema } from "@/lib/schemas/common";
import type { Contract, ContractAuth } from "@/lib/contracts/define";
import { allContracts } from "@/lib/contracts";
import { webhookDeliveryBodySchema } from "@/lib/schemas/webhook";

type JsonSchema = { [key: string]: unknown };

/** zod → JSON Schema draft 2020-12, the dialect OpenAPI 3.1 uses. */
export function toSchema(schema: z.ZodType, io: "input" | "output"): JsonSchema {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { target: "draft-2020-12", io, unrepresentable: "any" }) as JsonSchema;
  return rest;
}

function parameters(schema: z.ZodType, location: "path" | "query") {
  const json = toSchema(schema, "input");
  const properties = (json.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" || required.has(name),
    ...(typeof property.description === "string" && { description: property.description }),
    schema: property,
  }));
}

const PROBLEM_REF = { $ref: "#/components/schemas/Problem" };

function errorStatuses(operation: Contract): number[] {
  const statuses = new Set(operation.errors ?? []);
  if (operation.auth !== "public") statuses.add(401);
  if (operation.auth === "person" || operation.auth === "session" || isCookieWrite(operation) || needsMoreThanViewer(operation)) statuses.add(403);
  if (operation.params || operation.query) statuses.add(422);
  if (operation.body) [400, 413, 415, 422].forEach((s) => statuses.add(s));
  if (isIdempotent(operation)) statuses.add(422);
  return [...statuses].sort((a, b) => a - b);
}

const errorDescriptions: Record<number, string> = Object.fromEntries(
  Object.values(problemCatalog)
    .reverse()
    .map(({ status, title }) => [status, title]),
);

/** A write a browser session may make: its Origin must be the dashboard's own (403 otherwise). */
const isCookieWrite = (operation: Contract) => operation.method !== "GET" && (operation.auth !== "public" || operation.sameOrigin === true);

const needsMoreThanViewer = (operation: Contract) => operation.role !== undefined && operation.role !== "viewer";

/** What a logged-in person needs, in words, for the operation's description. */
function roleNote(operation: Contract): string | undefined {
  if (operation.auth === "public") return undefined;
  return `A logged-in person needs the \`${operation.role}\` role (403 \`role-required\` otherwise); the admin token counts as the owner, an admin.`;
}

const isIdempotent = (operation: Contract) => operation.method === "POST" && operation.idempotent !== false;

const SECURITY: Record<ContractAuth, Record<string, string[]>[]> = {
  agent: [{ bearerAuth: [] }, { sessionCookie: [] }],
  person: [{ sessionCookie: [] }, { bearerAuth: [] }],
  session: [{ sessionCookie: [] }],
  public: [],
};

function toPathItem(operation: Contract) {
  const headerParameters = [
    ...(isIdempotent(operation)
      ? [
          {
            name: "Idempotency-Key",
            in: "header",
            required: false,
            description: "A retry with the same key and body returns the original response with `Idempotent-Replayed: true`; the same key with a different body is a 422.",
            schema: { type: "string", maxLength: 255 },
          },
        ]
      : []),
    ...(operation.headers ?? []).map((header) => ({
      name: header.name,
      in: "header",
      required: false,
      description: header.description,
      schema: header.schema ? toSchema(header.schema, "input") : { type: "string" },
    })),
  ];
  const responses: Record<string, unknown> = {};
  for (const [status, response] of Object.entries(operation.responses)) {
    if (!response) continue;
    const content = {
      ...(response.contentType && { [response.contentType]: { schema: { type: "string" } } }),
      ...(response.schema && { "application/json": { schema: toSchema(response.schema, "output") } }),
    };
    responses[status] = {
      description: response.description,
      ...(Object.keys(content).length > 0 && { content }),
      ...(response.headers && {
        headers: Object.fromEntries(Object.entries(response.headers).map(([name, description]) => [name, { description, schema: { type: "string" } }])),
      }),
    };
  }
  for (const status of errorStatuses(operation)) {
    responses[String(status)] ??= {
      description: errorDescriptions[status] ?? "Error",
      content: { "application/problem+json": { schema: PROBLEM_REF } },
    };
  }
  const body = operation.body;
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    ...((operation.description || roleNote(operation)) && { description: [operation.description, roleNote(operation)].filter(Boolean).join("\n\n") }),
    tags: operation.tags,
    ...(operation.role && { "x-baton-role": operation.role }),
    security: SECURITY[operation.auth],
    parameters: [
      ...(operation.params ? parameters(operation.params, "path") : []),
      ...(operation.query ? parameters(operation.query, "query") : []),
      ...headerParameters,
    ],
    ...(body && {
      requestBody: {
        required: !body.optional,
        ...(body.description && { description: body.description }),
        content: {
          "application/json": { schema: toSchema(body.documentedAs ?? body.schema, "input") },
          ...Object.fromEntries(
            Object.entries(body.textContentTypes ?? {}).map(([type, description]) => [type, { schema: { type: "string", description } }]),
          ),
        },
      },
    }),
    responses,
  };
}

function buildDocument() {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of allContracts) {
    paths[operation.path] ??= {};
    paths[operation.path][operation.method.toLowerCase()] = toPathItem(operation);
  }
  const tags = [...new Set(allContracts.flatMap((o) => o.tags))].map((name) => ({ name }));
  return {
    openapi: "3.1.0",
    jsonSchemaDialect: "https://json-schema.org/draft/2020-12/schema",
    info: {
      title: "Baton API",
      version: "1",
      description:
        "Checkpoints, phases, gates, blockers, handoffs and resume briefs for long-running agent work. Every `/api/v1` call needs `Authorization: Bearer <token>`; errors are RFC 9457 problem+json.",
    },
    servers: [{ url: "/" }],
    tags,
    paths,
    webhooks: {
      event: {
        post: {
          operationId: "receiveEvent",
          summary: "What Baton POSTs to a webhook for every event it subscribed to",
          description:
            "Headers: `Baton-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of \"<t>.<body>\" with the webhook's secret>`, `Baton-Event: <type>`, `Baton-Delivery: <deliveryId>`.",
          requestBody: { required: true, content: { "application/json": { schema: toSchema(webhookDeliveryBodySchema, "output") } } },
          responses: { "2XX": { description: "Delivered. Any other answer (or none within 10 s) is retried with exponential backoff, 8 attempts." } },
        },
      },
    },
    components: {
      schemas: { Problem: toSchema(problemSchema, "output") },
      securitySchemes: {
        bearerAuth: { type: "http", scheme: "bearer", description: "An agent or admin API token." },
        sessionCookie: { type: "apiKey", in: "cookie", name: "baton_session", description: "A person's dashboard session (GET /login?token=…)." },
      },
    },
  };
}

export type OpenApiDocument = ReturnType<typeof buildDocument>;

let cached: OpenApiDocument | null = null;

export function openApiDocument(): OpenApiDocument {
  cached ??= buildDocument();
  return cached;
}
