// One batch operation, run through the same schema and use case as its single endpoint.
import { AppError } from "@/lib/server/errors";
import type { Reply } from "@/lib/server/http/route";
import { validate } from "@/lib/server/http/validate";
import { claimIdempotency } from "@/lib/server/http/idempotency";
import type { BatchOperation } from "@/lib/schemas/batch";
import { checkpointInputSchema } from "@/lib/schemas/checkpoint";
import { heartbeatInputSchema } from "@/lib/schemas/heartbeat";
import { phasePatchSchema } from "@/lib/schemas/phase";
import { blockerInputSchema } from "@/lib/schemas/blocker";
import type { IngestItem } from "@/lib/server/checkpoints/record-checkpoints";
import { recordHeartbeat } from "@/lib/server/heartbeat/record-heartbeat";
import { updatePhase } from "@/lib/server/phases/update-phase";
import { openBlocker } from "@/lib/server/blockers/open-blocker";

export type CheckpointOperation = BatchOperation & { op: "checkpoint" };
export type OtherOperation = BatchOperation & { op: Exclude<BatchOperation["op"], "checkpoint"> };

/** A checkpoint operation as the set-based writer takes it (checkpoints of a batch are written together). */
export function checkpointItem(operation: CheckpointOperation, actor: string): IngestItem {
  const input = validate(checkpointInputSchema, withPhase(operation));
  const idempotency = operation.idempotencyKey === undefined ? undefined : claimIdempotency(idempotencyRequest(operation, operation.idempotencyKey));
  return { taskKey: operation.task, input, actor, idempotency };
}

export async function applyOperation(operation: OtherOperation, actor: string): Promise<Reply> {
  switch (operation.op) {
    case "heartbeat":
      validate(heartbeatInputSchema, objectBody(operation.body));
      await recordHeartbeat(operation.task);
      return { status: 204 };
    case "phase": {
      if (operation.phase === undefined) {
        throw new AppError("validation-failed", "A phase operation names its phase in `phase`.", { errors: [{ path: "phase", message: "required" }] });
      }
      // A batch is an agent's path: it may raise a gate's review rules but never lower them.
      const patch = validate(phasePatchSchema, objectBody(operation.body));
      return { status: 200, body: await updatePhase(operation.task, operation.phase, patch, { name: actor, person: false, role: null }) };
    }
    case "blocker":
      return { status: 201, body: await openBlocker(operation.task, validate(blockerInputSchema, withPhase(operation)), actor) };
  }
}

export function idempotencyRequest(operation: BatchOperation, key: string) {
  const { op, task, phase, body } = operation;
  return { key, scope: `batch ${op} ${task}${phase ? `/${phase}` : ""}`, fingerprint: JSON.stringify({ op, task, phase, body }) };
}

function withPhase(operation: BatchOperation): Record<string, unknown> {
  const body = objectBody(operation.body);
  return operation.phase === undefined ? body : { ...body, phase: operation.phase };
}

function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body === "object" && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  throw new AppError("validation-failed", "The operation's body must be a JSON object.", { errors: [{ path: "body", message: "expected an object" }] });
}
