// `POST /tasks/{key}/heartbeat`: marks the task alive. Deliberately no Event row: heartbeats are
// frequent and carry no news, so they must stay one cheap UPDATE.
import { transaction } from "@/lib/server/db/transaction";
import { notFound } from "@/lib/server/errors";
import { parseJsonBody } from "@/lib/server/http/read-body";
import { validate } from "@/lib/server/http/validate";
import { heartbeatInputSchema, type HeartbeatInput } from "@/lib/schemas/heartbeat";

export async function recordHeartbeat(taskKey: string): Promise<void> {
  await transaction(async (tx) => {
    const { count } = await tx.task.updateMany({ where: { key: taskKey }, data: { lastActivityAt: new Date() } });
    if (count === 0) throw notFound(`Task "${taskKey}"`);
  });
}

/** The body is optional (`curl -X POST` is a valid heartbeat); when present it must match the schema. */
export function parseHeartbeatBody(rawBody: string): HeartbeatInput {
  return rawBody.trim() === "" ? {} : validate(heartbeatInputSchema, parseJsonBody(rawBody));
}
