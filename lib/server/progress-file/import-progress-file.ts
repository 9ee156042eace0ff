// `PUT /tasks/{key}/progress.json`: makes the task match the guide's progress file, as one change
// with one task.updated event. completed → done, current → active, pending → pending, blocker
// strings → open blockers; phases the file does not name are left alone.
import { transaction, type Tx } from "@/lib/server/db/transaction";
import { appendEvent } from "@/lib/server/events/append-event";
import { upsertPhases } from "@/lib/server/phases/upsert-phases";
import { changePhase, type VerificationOverride } from "@/lib/server/phases/change-phase";
import { isFinished, isInFlight } from "@/lib/server/phases/phase-rules";
import { progressFileOf } from "@/lib/server/progress-file/export-progress-file";
import type { PhaseStatus } from "@/lib/schemas/phase";
import type { ProgressFile } from "@/lib/schemas/progress-file";

const IMPORT_REASON = "Marked complete by a progress.json import";
const RESOLUTION = "No longer listed in progress.json";

/** Statuses that already say what the file says, so the import leaves them as they are. */
const ALREADY: Record<"done" | "active" | "pending", (status: string) => boolean> = {
  done: isFinished,
  active: isInFlight,
  // Failed and rolled-back phases are still to do: a round trip through the file must not reset them.
  pending: (status) => !isFinished(status) && !isInFlight(status),
};

export async function importProgressFile(taskKey: string, file: ProgressFile, actor: string) {
  return transaction(async (tx) => {
    const now = new Date();
    const existing = await tx.task.findUnique({ where: { key: taskKey } });
    const fields = {
      title: file.task,
      lastActivityAt: now,
      ...(file.started_at !== undefined && { startedAt: file.started_at === null ? null : new Date(file.started_at) }),
      ...(file.notes !== undefined && { notes: file.notes }),
    };
    const task = existing
      ? await tx.task.update({ where: { id: existing.id }, data: fields })
      : await tx.task.create({ data: { key: taskKey, ...fields } });

    const targets: [string, "done" | "active" | "pending"][] = [
      ...file.completed_phases.map((key) => [key, "done"] as [string, "done"]),
      ...(file.current_phase ? [[file.current_phase, "active"] as [string, "active"]] : []),
      ...file.pending_phases.map((key) => [key, "pending"] as [string, "pending"]),
    ];
    await upsertPhases(tx, task.id, targets.map(([key]) => ({ key })));
    const moved: { phase: string; from: string; to: PhaseStatus; verificationOverride?: VerificationOverride }[] = [];
    for (const [key, status] of targets) {
      const phase = await tx.phase.findUniqueOrThrow({ where: { taskId_key: { taskId: task.id, key } } });
      if (ALREADY[status](phase.status)) continue;
      // Approval gates hold as everywhere else; the file's word stands in for verification, as a recorded override.
      const { verificationOverride } = await changePhase(tx, phase, { status, force: true, reason: IMPORT_REASON }, now);
      moved.push({ phase: key, from: phase.status, to: status, ...(verificationOverride && { verificationOverride }) });
    }
    const blockers = await syncBlockers(tx, task.id, file.blockers, now);
    await appendEvent(tx, {
      type: "task.updated",
      task,
      actor,
      payload: { source: "progress.json", created: !existing, phases: moved, ...blockers },
    });
    return { created: !existing, file: await progressFileOf(tx, task) };
  });
}

async function syncBlockers(tx: Tx, taskId: number, titles: string[], now: Date) {
  const open = await tx.blocker.findMany({ where: { taskId, status: "open" }, select: { id: true, title: true, question: true } });
  const openTitles = new Set(open.map((b) => b.title));
  const wanted = new Set(titles);
  const opened = [...wanted].filter((title) => !openTitles.has(title));
  // A question stays open until a person answers it, whatever the file says.
  const resolved = open.filter((b) => !wanted.has(b.title) && b.question === null);
  for (const title of opened) await tx.blocker.create({ data: { taskId, title, createdAt: now } });
  if (resolved.length > 0) {
    await tx.blocker.updateMany({
      where: { id: { in: resolved.map((b) => b.id) } },
      data: { status: "resolved", resolution: RESOLUTION, resolvedAt: now },
    });
  }
  return { blockersOpened: opened, blockersResolved: resolved.map((b) => b.title) };
}
