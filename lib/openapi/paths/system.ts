import type { Contract } from "@/lib/contracts/define";

export const operations: Contract[] = [
  {
    method: "GET",
    path: "/api/health",
    operationId: "getHealth",
    summary: "Liveness and database check",
    tags: ["system"],
    auth: "public",
    responses: { 200: { description: "The server and its database answer." }, 503: { description: "The database does not answer." } },
  },
  {
    method: "GET",
    path: "/api/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This OpenAPI 3.1 document, generated from the zod schemas that validate requests",
    tags: ["system"],
    auth: "public",
    responses: { 200: { description: "The OpenAPI document." } },
  },
];
