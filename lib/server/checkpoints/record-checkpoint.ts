// `POST /tasks/{key}/checkpoints`: one immutable checkpoint, its phase update and its event, committed together.
// Concurrent calls share one transaction (group commit) and are written set-based by recordCheckpoints.
import { groupCommit } from "@/lib/server/db/group-commit";
import type { CheckpointInput } from "@/lib/schemas/checkpoint";
import type { CheckpointView } from "@/lib/server/checkpoints/checkpoint-view";
import { recordCheckpoints, type IngestItem } from "@/lib/server/checkpoints/record-checkpoints";

const recordGrouped = groupCommit(async (items: IngestItem[]) => {
  const outcomes = await recordCheckpoints(items);
  return outcomes.map((outcome) => (outcome.ok ? { ok: true as const, value: outcome.value.body as CheckpointView } : outcome));
});

/** Resolves once the checkpoint is committed. */
export function recordCheckpoint(taskKey: string, input: CheckpointInput, actor: string): Promise<CheckpointView> {
  return recordGrouped({ taskKey, input, actor });
}
