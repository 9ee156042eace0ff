// `GET /tasks/{key}/blockers/{id}?wait=N`: one blocker; with `wait`, a long-poll that answers as soon as
// it is resolved (how an agent waits for a person's answer to its question).
import { reader } from "@/lib/server/db/transaction";
import { waitForChange } from "@/lib/server/events/wait-for-change";
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
    concerns: (event) => event.type === "blocker.resolved" && (event.payload as { blocker?: { id?: number } }).blocker?.id === blockerId,
    waitSeconds,
    signal,
  });
}
