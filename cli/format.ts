// Human-readable lines for the CLI's default output.
import type { Checkpoint, PhaseView, TaskDetail, TaskSummary } from "@/lib/client/baton-client";

export function phaseLine(phase: PhaseView): string {
  const progress = phase.progress
    ? ` · ${phase.progress.current.toLocaleString("en-US")}${phase.progress.total ? ` / ${phase.progress.total.toLocaleString("en-US")}` : ""}${phase.progress.unit ? ` ${phase.progress.unit}` : ""}${phase.progress.percent !== null ? ` · ${phase.progress.percent}%` : ""}`
    : "";
  const gate = phase.requiresApproval ? " [gate]" : "";
  const cursor = phase.resumeFrom ? ` · resume from ${phase.resumeFrom}` : "";
  return `${phase.key}${gate}: ${phase.status}${progress}${cursor}`;
}

export function taskSummaryLine(task: TaskSummary): string {
  const current = task.currentPhase ? ` · ${task.currentPhase.key}` : "";
  return `${task.key}  ${task.status}  ${task.progress.percent}%${current}  ${task.title}`;
}

export function taskDetailText(task: TaskDetail): string {
  const lines = [`${task.title} (${task.key})`, `status: ${task.status} · ${task.progress.percent}% · ${task.progress.phasesDone}/${task.progress.phasesTotal} phases`];
  if (task.phases.length > 0) lines.push("phases:", ...task.phases.map((phase) => `  ${phaseLine(phase)}`));
  if (task.openBlockers.length > 0) lines.push("open blockers:", ...task.openBlockers.map((b) => `  #${b.id} [${b.kind}] ${b.title}`));
  if (task.pendingApprovals.length > 0) lines.push("pending approvals:", ...task.pendingApprovals.map((a) => `  ${a.id} ${a.phase}: ${a.title}`));
  if (task.latestCheckpoint) lines.push(`latest checkpoint: #${task.latestCheckpoint.seq} ${task.latestCheckpoint.summary}`);
  return lines.join("\n");
}

export function checkpointLine(task: string, checkpoint: Checkpoint): string {
  const phase = checkpoint.phase ? ` (${checkpoint.phase})` : "";
  return `checkpoint #${checkpoint.seq} on ${task}${phase}: ${checkpoint.summary}`;
}
