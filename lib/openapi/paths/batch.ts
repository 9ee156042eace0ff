import { batchInputSchema } from "@/lib/schemas/batch";
import type { Operation } from "@/lib/openapi/types";

export const operations: Operation[] = [
  {
    method: "post",
    path: "/api/v1/batch",
    operationId: "runBatch",
    summary: "Up to 1,000 checkpoint/heartbeat/phase/blocker operations in one request",
    description:
      "Each operation `{op, task, phase?, idempotencyKey?, body}` is validated and applied atomically and idempotently on its own; results come back in the same order.",
    tags: ["batch"],
    auth: "bearer",
    body: { schema: batchInputSchema },
    responses: { 207: { description: "`{results: [{status, body} | {status, problem}]}`." } },
  },
];
