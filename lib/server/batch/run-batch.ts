// `POST /batch`: many queued operations in one transaction, each in its own SAVEPOINT so a failing
// item is undone alone, each idempotent on its own key; results come back in request order.
import { savepoint, transaction } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import { withIdempotency } from "@/lib/server/http/idempotency";
import { toProblem, type Problem } from "@/lib/server/http/problem";
import { toResponse } from "@/lib/server/http/route";
import { validate } from "@/lib/server/http/validate";
import { batchOperationSchema, type BatchOperation } from "@/lib/schemas/batch";
import { applyOperation } from "@/lib/server/batch/apply-operation";

export type BatchResult = { status: number; body: unknown; replayed?: true } | { status: number; problem: Problem };

export async function runBatch(operations: unknown[], actor: string): Promise<BatchResult[]> {
  return transaction(async () => {
    const results: BatchResult[] = [];
    for (const raw of operations) results.push(await runItem(raw, actor));
    return results;
  });
}

async function runItem(raw: unknown, actor: string): Promise<BatchResult> {
  try {
    const operation = validate(batchOperationSchema, raw);
    if (operation.idempotencyKey === undefined) {
      const reply = await savepoint(() => applyOperation(operation, actor));
      return { status: reply.status ?? 200, body: reply.body ?? null };
    }
    const response = await savepoint(() =>
      withIdempotency(idempotencyRequest(operation, operation.idempotencyKey!), async () => toResponse(await applyOperation(operation, actor))),
    );
    return fromResponse(response);
  } catch (error) {
    const problem = problemOf(error);
    return { status: problem.status, problem };
  }
}

function idempotencyRequest(operation: BatchOperation, key: string) {
  const { op, task, phase, body } = operation;
  return { key, scope: `batch ${op} ${task}${phase ? `/${phase}` : ""}`, fingerprint: JSON.stringify({ op, task, phase, body }) };
}

async function fromResponse(response: Response): Promise<BatchResult> {
  const text = await response.text();
  return {
    status: response.status,
    body: text === "" ? null : (JSON.parse(text) as unknown),
    ...(response.headers.get("idempotent-replayed") === "true" && { replayed: true as const }),
  };
}

function problemOf(error: unknown): Problem {
  if (error instanceof AppError) return toProblem(error);
  console.error("[baton] unexpected error in a batch operation", error);
  return toProblem(new AppError("internal", "Something went wrong on the server. This operation was not applied."));
}
