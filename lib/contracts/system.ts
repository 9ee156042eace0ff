// Contracts of the unauthenticated system endpoints.
import { z } from "zod";
import { defineContract } from "@/lib/contracts/define";
import { healthSchema } from "@/lib/schemas/health";

export const getHealth = defineContract({
  method: "GET",
  path: "/api/health",
  operationId: "getHealth",
  summary: "Liveness and database check",
  tags: ["system"],
  auth: "public",
  responses: {
    200: { description: "The server and its database answer.", schema: healthSchema },
    503: { description: "The database does not answer.", schema: healthSchema },
  },
});

export const getOpenApiDocument = defineContract({
  method: "GET",
  path: "/api/openapi.json",
  operationId: "getOpenApiDocument",
  summary: "This OpenAPI 3.1 document, generated from the route contracts",
  tags: ["system"],
  auth: "public",
  responses: {
    200: {
      description: "The OpenAPI document.",
      schema: z.looseObject({ openapi: z.literal("3.1.0"), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) }),
    },
  },
});
