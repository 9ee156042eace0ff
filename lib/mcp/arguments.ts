// Arguments several tools share, built from the API's own schemas.
import { z } from "zod";
import { batchOperationSchema } from "@/lib/schemas/batch";
import { keySchema } from "@/lib/schemas/common";

export const taskArgument = z.object({ task: keySchema.describe("The task's key, e.g. `orders-backfill`.") });

export const idempotencyArgument = z.object({
  idempotencyKey: batchOperationSchema.shape.idempotencyKey.describe(
    "Any string unique to this write (the API's Idempotency-Key): retrying the call with the same key and arguments records it only once.",
  ),
});

/** Under the 60 s request timeout most MCP clients apply by default. */
export const DEFAULT_WAIT_SECONDS = 50;
export const MAX_WAIT_SECONDS = 600;

/** How long a waiting tool (ask_person, wait_for_approval) may hold the call before it reports "not yet". */
export const timeoutSecondsArgument = z
  .number()
  .int()
  .min(0)
  .max(MAX_WAIT_SECONDS)
  .default(DEFAULT_WAIT_SECONDS)
  .describe(`Wait at most this many seconds (default ${DEFAULT_WAIT_SECONDS}); 0 only looks. If nothing was decided by then, call again with the returned id.`);
