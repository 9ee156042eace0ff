// Contract of the batch endpoint.
import { defineContract } from "@/lib/contracts/define";
import { batchInputSchema, batchRequestSchema, batchResponseSchema } from "@/lib/schemas/batch";

export const runBatch = defineContract({
  method: "POST",
  path: "/api/v1/batch",
  operationId: "runBatch",
  summary: "Up to 1,000 checkpoint/heartbeat/phase/blocker operations in one request",
  description:
    "Each operation `{op, task, phase?, idempotencyKey?, body}` is validated and applied atomically and idempotently on its own (one transaction, one SAVEPOINT per operation): a failing operation gets its own 4xx result and changes nothing, its neighbours are applied. `idempotencyKey` works like the `Idempotency-Key` header of the single endpoint; a replayed result carries `replayed: true`. More than 1,000 operations is a 422 for the whole request.",
  tags: ["batch"],
  auth: "agent",
  role: "admin",
  body: { schema: batchInputSchema, documentedAs: batchRequestSchema },
  responses: { 207: { description: "One result per operation, in request order.", schema: batchResponseSchema } },
});
