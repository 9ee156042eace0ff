// One batch operation, run through the same schema and use case as its single endpoint.
import { AppError } from "@/lib/server/errors";
import type { Reply } from "@/lib/server/http/route";
import { validate } from "@/lib/server/http/validate";
import type { BatchOperation } from "@/lib/schemas/batch";
import { checkpointInputSchema } from "@/lib/schemas/checkpoint";
import { heartbeatInputSchema } from "@/lib/schemas/heartbeat";
import { phasePatchSchema } from "@/lib/schemas/phase";
import { blockerInputSchema } from "@/lib/schemas/blocker";
import { recordCheckpoint } from "@/lib/server/checkpoints/record-checkpoint";
import { recordHeartbeat } from "@/lib/server/heartbeat/record-heartbeat";
import { updatePhase } from "@/lib/server/phases/update-phase";
import { openBlocker } from "@/lib/server/blockers/open-blocker";

export async function applyOperation(operation: BatchOperation, actor: string): Promise<Reply> {
  const body = objectBody(operation.body);
  const withPhase = operation.phase === undefined ? body : { ...body, phase: operation.phase };
  switch (operation.op) {
    case "checkpoint":
      return { status: 201, body: await recordCheckpoint(operation.task, validate(checkpointInputSchema, withPhase), actor) };
    case "heartbeat":
      validate(heartbeatInputSchema, body);
      await recordHeartbeat(operation.task);
      return { status: 204 };
    case "phase": {
      if (operation.phase === undefined) {
        throw new AppError("validation-failed", "A phase operation names its phase in `phase`.", { errors: [{ path: "phase", message: "required" }] });
      }
      return { status: 200, body: await updatePhase(operation.task, operation.phase, validate(phasePatchSchema, body), actor) };
    }
    case "blocker":
      return { status: 201, body: await openBlocker(operation.task, validate(blockerInputSchema, withPhase), actor) };
  }
}

function objectBody(body: unknown): Record<string, unknown> {
  if (body === undefined) return {};
  if (typeof body === "object" && body !== null && !Array.isArray(body)) return body as Record<string, unknown>;
  throw new AppError("validation-failed", "The operation's body must be a JSON object.", { errors: [{ path: "body", message: "expected an object" }] });
}
