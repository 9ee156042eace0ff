import type { Operation } from "@/lib/openapi/types";

export const operations: Operation[] = [
  {
    method: "get",
    path: "/api/health",
    operationId: "getHealth",
    summary: "Liveness and database check",
    tags: ["system"],
    auth: "public",
    responses: { 200: { description: "The server and its database answer." }, 503: { description: "The database does not answer." } },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This OpenAPI 3.1 document, generated from the zod schemas that validate requests",
    tags: ["system"],
    auth: "public",
    responses: { 200: { description: "The OpenAPI document." } },
  },
];
