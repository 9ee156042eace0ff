// Contracts of a task's checkpoints.
import { defineContract } from "@/lib/contracts/define";
import { taskKeyParams } from "@/lib/schemas/task";
import { checkpointInputSchema, checkpointListQuerySchema, checkpointPageSchema, checkpointViewSchema } from "@/lib/schemas/checkpoint";

const NOTE =
  "A note in the guide's format (`=== CHECKPOINT: … ===`, bullet lines, `NEXT ACTIONS:`, `DEPENDENCIES:`), parsed into summary/done/next/dependencies; `?phase=`, `?agent=` and `?phaseStatus=` fill the other fields.";

export const listCheckpoints = defineContract({
  method: "GET",
  path: "/api/v1/tasks/{key}/checkpoints",
  operationId: "listCheckpoints",
  summary: "A task's checkpoints, newest first",
  tags: ["checkpoints"],
  auth: "agent",
  role: "viewer",
  params: taskKeyParams,
  query: checkpointListQuerySchema,
  responses: { 200: { description: "A page of checkpoints; pass `nextBefore` as `before` for older ones.", schema: checkpointPageSchema } },
  errors: [404],
});

export const recordCheckpoint = defineContract({
  method: "POST",
  path: "/api/v1/tasks/{key}/checkpoints",
  operationId: "recordCheckpoint",
  summary: "Record a checkpoint",
  description: "An unknown task or phase key is created on the fly. `phaseStatus` moves the phase with the same gate rules as PATCH.",
  tags: ["checkpoints"],
  auth: "agent",
  role: "admin",
  params: taskKeyParams,
  body: { schema: checkpointInputSchema, textContentTypes: { "text/plain": NOTE, "text/markdown": NOTE } },
  responses: { 201: { description: "The checkpoint with its per-task `seq`.", schema: checkpointViewSchema } },
  errors: [409],
});
