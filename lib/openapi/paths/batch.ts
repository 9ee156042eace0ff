import { batchRequestSchema } from "@/lib/schemas/batch";
import type { Contract } from "@/lib/contracts/define";

export const operations: Contract[] = [
  {
    method: "POST",
    path: "/api/v1/batch",
    operationId: "runBatch",
    summary: "Up to 1,000 checkpoint/heartbeat/phase/blocker operations in one request",
    description:
      "Each operation `{op, task, phase?, idempotencyKey?, body}` is validated and applied atomically and idempotently on its own (one transaction, one SAVEPOINT per operation): a failing operation gets its own 4xx result and changes nothing, its neighbours are applied. `idempotencyKey` works like the `Idempotency-Key` header of the single endpoint; a replayed result carries `replayed: true`. More than 1,000 operations is a 422 for the whole request.",
    tags: ["batch"],
    auth: "agent",
    body: { schema: batchRequestSchema },
    responses: { 207: { description: "`{results: [{status, body} | {status, problem}]}`." } },
  },
];
