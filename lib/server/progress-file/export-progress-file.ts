// `GET /tasks/{key}/progress.json`: the task as the guide's progress file.
import type { Prisma } from "@/generated/prisma/client";
import { reader, type Tx } from "@/lib/server/db/transaction";
import { requireTask } from "@/lib/server/tasks/find-task";
import { currentPhase } from "@/lib/server/tasks/derive-status";
import { isFinished } from "@/lib/server/phases/phase-rules";
import type { ProgressFile } from "@/lib/schemas/progress-file";

type TaskRow = Prisma.TaskGetPayload<object>;

export async function exportProgressFile(taskKey: string) {
  const tx = await reader();
  return progressFileOf(tx, await requireTask(tx, taskKey));
}

export async function progressFileOf(tx: Tx, task: TaskRow) {
  const [phases, blockers] = await Promise.all([
    tx.phase.findMany({ where: { taskId: task.id }, orderBy: { position: "asc" } }),
    tx.blocker.findMany({ where: { taskId: task.id, status: "open" }, orderBy: { id: "asc" }, select: { title: true } }),
  ]);
  const candidate = currentPhase(phases);
  // A phase nobody has started is pending, not current.
  const current = candidate && candidate.status !== "pending" ? candidate : null;
  return {
    task: task.title,
    started_at: task.startedAt ? isoSeconds(task.startedAt) : null,
    current_phase: current?.key ?? null,
    completed_phases: phases.filter((p) => isFinished(p.status)).map((p) => p.key),
    pending_phases: phases.filter((p) => !isFinished(p.status) && p.key !== current?.key).map((p) => p.key),
    blockers: blockers.map((b) => b.title),
    notes: task.notes,
  } satisfies ProgressFile;
}

/** "2026-03-14T10:00:00Z": the guide's timestamps carry no milliseconds. */
function isoSeconds(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, "Z");
}
