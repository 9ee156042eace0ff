import { blockerInputSchema, blockerParams, blockerResolveSchema } from "@/lib/schemas/blocker";
import { taskKeyParams } from "@/lib/schemas/task";
import type { Operation } from "@/lib/openapi/types";

export const operations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/tasks/{key}/blockers",
    operationId: "listBlockers",
    summary: "A task's blockers, open and resolved",
    tags: ["blockers"],
    auth: "bearer",
    params: taskKeyParams,
    responses: { 200: { description: "The blockers." } },
    errors: [404],
  },
  {
    method: "post",
    path: "/api/v1/tasks/{key}/blockers",
    operationId: "openBlocker",
    summary: "Open a blocker",
    tags: ["blockers"],
    auth: "bearer",
    params: taskKeyParams,
    body: { schema: blockerInputSchema },
    responses: { 201: { description: "The open blocker." } },
    errors: [404],
    idempotent: true,
  },
  {
    method: "patch",
    path: "/api/v1/tasks/{key}/blockers/{id}",
    operationId: "resolveBlocker",
    summary: "Resolve a blocker",
    tags: ["blockers"],
    auth: "bearer",
    params: blockerParams,
    body: { schema: blockerResolveSchema },
    responses: { 200: { description: "The resolved blocker." } },
    errors: [404, 409],
  },
];
