// `GET /tasks/{key}/blockers/{id}?wait=N`: one blocker; with `wait`, a long-poll that answers as soon as
// it is resolved (how an agent waits for a person's answer to its question).
import { reader } from "@/lib/server/db/transaction";
import { waitForChange } from "@/lib/server/events/wait-for-change";
import { payloadOf } from "@/lib/schemas/event";
import { toBlockerView } from "@/lib/server/blockers/blocker-view";
import { requireBlocker } from "@/lib/server/blockers/find-blocker";

export async function getBlocker(taskKey: string, blockerId: number) {
  const { blocker } = await requireBlocker(await reader(), taskKey, blockerId);
  return toBlockerView(blocker);
}

export function waitForBlocker(taskKey: string, blockerId: number, waitSeconds: number, signal: AbortSignal) {
  return waitForChange({
    read: () => getBlocker(taskKey, blockerId),
    settled: (blocker) => blocker.status !== "open",
    concerns: (event) => payloadOf(event, "blocker.resolved")?.blocker.id === blockerId,
    waitSeconds,
    signal,
  });
}
