// `POST /batch`: many queued operations in one transaction, each applied atomically and idempotently on its own;
// results come back in request order. Consecutive checkpoints are written set-based (recordCheckpoints); any
// other operation runs alone in a SAVEPOINT, so a failing item is undone alone.
import { setImmediate as nextTurn } from "node:timers/promises";
import { savepoint, transaction } from "@/lib/server/db/transaction";
import type { Outcome } from "@/lib/server/db/group-commit";
import { AppError } from "@/lib/server/errors";
import { withIdempotency } from "@/lib/server/http/idempotency";
import { toProblem, type Problem } from "@/lib/server/http/problem";
import { toResponse } from "@/lib/server/http/route";
import { validate } from "@/lib/server/http/validate";
import { batchOperationSchema } from "@/lib/schemas/batch";
import { applyOperation, checkpointItem, idempotencyRequest, type OtherOperation } from "@/lib/server/batch/apply-operation";
import { recordCheckpoints, type IngestItem, type IngestResult } from "@/lib/server/checkpoints/record-checkpoints";

/**
 * SQLite calls are synchronous, so a long batch would hold the event loop for its whole transaction; it lets other
 * requests in every few milliseconds instead (reads are served from their own connection, writes queue behind it).
 */
const YIELD_EVERY_MS = 5;

export type BatchResult = { status: number; body: unknown; replayed?: true } | { status: number; problem: Problem };

export async function runBatch(operations: unknown[], actor: string): Promise<BatchResult[]> {
  return transaction(async () => {
    const results: BatchResult[] = new Array(operations.length);
    let run: { index: number; item: IngestItem }[] = [];
    const flushCheckpoints = async () => {
      if (run.length === 0) return;
      const outcomes = await recordCheckpoints(run.map(({ item }) => item));
      run.forEach(({ index }, k) => (results[index] = fromOutcome(outcomes[k])));
      run = [];
    };
    let lastYield = performance.now();
    for (const [index, raw] of operations.entries()) {
      if (performance.now() - lastYield > YIELD_EVERY_MS) {
        await nextTurn();
        lastYield = performance.now();
      }
      try {
        const operation = validate(batchOperationSchema, raw);
        if (operation.op === "checkpoint") {
          run.push({ index, item: checkpointItem({ ...operation, op: "checkpoint" }, actor) });
          continue;
        }
        await flushCheckpoints();
        results[index] = await runOther({ ...operation, op: operation.op }, actor);
      } catch (error) {
        results[index] = problemResult(error);
      }
    }
    await flushCheckpoints();
    return results;
  });
}

async function runOther(operation: OtherOperation, actor: string): Promise<BatchResult> {
  if (operation.idempotencyKey === undefined) {
    const reply = await savepoint(() => applyOperation(operation, actor));
    return { status: reply.status ?? 200, body: reply.body ?? null };
  }
  const response = await savepoint(() =>
    withIdempotency(idempotencyRequest(operation, operation.idempotencyKey!), async () => toResponse(await applyOperation(operation, actor))),
  );
  return fromResponse(response);
}

function fromOutcome(outcome: Outcome<IngestResult>): BatchResult {
  if (!outcome.ok) return problemResult(outcome.error);
  const { status, body, replayed } = outcome.value;
  return { status, body, ...(replayed && { replayed: true as const }) };
}

async function fromResponse(response: Response): Promise<BatchResult> {
  const text = await response.text();
  return {
    status: response.status,
    body: text === "" ? null : (JSON.parse(text) as unknown),
    ...(response.headers.get("idempotent-replayed") === "true" && { replayed: true as const }),
  };
}

function problemResult(error: unknown): BatchResult {
  const problem = problemOf(error);
  return { status: problem.status, problem };
}

function problemOf(error: unknown): Problem {
  if (error instanceof AppError) return toProblem(error);
  console.error("[baton] unexpected error in a batch operation", error);
  return toProblem(new AppError("internal", "Something went wrong on the server. This operation was not applied."));
}
