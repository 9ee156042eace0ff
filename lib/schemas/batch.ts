import { z } from "zod";
import { keySchema, problemSchema } from "@/lib/schemas/common";

export const BATCH_MAX_OPERATIONS = 1000;

export const batchOps = ["checkpoint", "heartbeat", "phase", "blocker"] as const;

/** One queued operation; `body` is validated by the single endpoint's own schema for `op`. */
export const batchOperationSchema = z.object({
  op: z.enum(batchOps),
  task: keySchema,
  phase: keySchema.optional(),
  idempotencyKey: z.string().min(1).max(255).optional(),
  body: z
    .unknown()
    .optional()
    .describe("Validated by the single endpoint's schema: checkpoint → POST …/checkpoints, heartbeat → POST …/heartbeat, phase → PATCH …/phases/{phase}, blocker → POST …/blockers."),
});
export type BatchOperation = z.infer<typeof batchOperationSchema>;

/**
 * The envelope only counts the operations: each one is validated on its own, so a malformed item
 * becomes a 422 result in its slot instead of failing its neighbours.
 */
export const batchInputSchema = z.object({
  operations: z.array(z.unknown()).max(BATCH_MAX_OPERATIONS, `at most ${BATCH_MAX_OPERATIONS} operations per batch`),
});

/** The request as documented: the operations `batchInputSchema` counts, each of this shape. */
export const batchRequestSchema = z.object({ operations: z.array(batchOperationSchema).max(BATCH_MAX_OPERATIONS) });

/** One result per operation, in request order: the single endpoint's status and body, or its problem. */
export const batchResponseSchema = z.object({
  results: z.array(
    z.union([
      z.object({
        status: z.number().int(),
        body: z.unknown().describe("What the single endpoint answers (null for a heartbeat's 204)."),
        replayed: z.literal(true).optional().describe("The result was replayed for a repeated `idempotencyKey`."),
      }),
      z.object({ status: z.number().int(), problem: problemSchema }),
    ]),
  ),
});
