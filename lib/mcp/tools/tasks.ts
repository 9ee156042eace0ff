// Tools for finding, reading and declaring tasks, and the playbooks a task can start from.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import type { BatonClient, PhaseView, TaskDetail, TaskSummary } from "@/lib/client/baton-client";
import { taskListQuerySchema, taskPutSchema } from "@/lib/schemas/task";
import { taskArgument } from "@/lib/mcp/arguments";
import { defineTool } from "@/lib/mcp/define-tool";

export function registerTaskTools(server: McpServer, client: BatonClient): void {
  defineTool(server, "list_tasks", {
    title: "List tasks",
    description: "Tasks, newest activity first, with status and percent done. Filter by `status` or search with `q`; page with `cursor`.",
    input: taskListQuerySchema,
    annotations: { readOnlyHint: true },
    run: async (query) => {
      const page = await client.listTasks(query);
      const lines = page.items.map(taskLine);
      if (page.items.length === 0) lines.push("No tasks match.");
      if (page.nextCursor) lines.push(`More tasks: call list_tasks again with cursor "${page.nextCursor}".`);
      return { text: lines.join("\n"), structured: page };
    },
  });

  defineTool(server, "get_task", {
    title: "Get a task",
    description: "One task with its phases, open blockers, pending approvals, latest checkpoint and progress. To resume work, prefer get_brief.",
    input: taskArgument,
    annotations: { readOnlyHint: true },
    run: async ({ task }) => {
      const detail = await client.getTask(task);
      return { text: describeTask(detail), structured: detail };
    },
  });

  defineTool(server, "put_task", {
    title: "Create or update a task",
    description:
      "Creates the task `task` or updates it. Phases are upserted by key in array order and never deleted by omission; " +
      "`playbook` instantiates a playbook's phases. Agents may add approval gates (`requiresApproval: true`), never remove them.",
    input: taskPutSchema.extend(taskArgument.shape),
    annotations: { idempotentHint: true },
    run: async ({ task, ...body }) => {
      const { created, task: detail } = await client.putTask(task, body);
      return { text: `${created ? "Created" : "Updated"} task.\n${describeTask(detail)}`, structured: { created, task: detail } };
    },
  });

  defineTool(server, "list_playbooks", {
    title: "List playbooks",
    description: "Reusable, verified procedures (phase templates with criteria, verification, rollback and gates). Start a task from one with put_task's `playbook`.",
    input: z.object({}),
    annotations: { readOnlyHint: true },
    run: async () => {
      const { items } = await client.listPlaybooks();
      const lines = items.map((p) => `- ${p.key}: ${p.name}${p.builtIn ? " (built in)" : ""} — phases: ${p.phases.map((phase) => `${phase.key}${phase.requiresApproval ? " [gate]" : ""}`).join(", ")}`);
      return { text: lines.length ? lines.join("\n") : "No playbooks.", structured: { items } };
    },
  });
}

function taskLine(task: TaskSummary): string {
  const phase = task.currentPhase ? ` · phase ${task.currentPhase.key}` : "";
  return `- ${task.key}: ${task.title} — ${task.status}, ${task.progress.percent}%${phase}`;
}

function phaseLine(phase: PhaseView): string {
  const progress = phase.progress ? ` (${phase.progress.current}${phase.progress.total ? `/${phase.progress.total}` : ""}${phase.progress.unit ? ` ${phase.progress.unit}` : ""})` : "";
  const resume = phase.resumeFrom ? ` — resume at ${phase.resumeFrom}` : "";
  return `  - ${phase.key}: ${phase.status}${phase.requiresApproval ? " [gate]" : ""}${progress}${resume}`;
}

export function describeTask(task: TaskDetail): string {
  const lines = [`${task.key}: ${task.title} — ${task.status}, ${task.progress.percent}% (${task.progress.phasesDone}/${task.progress.phasesTotal} phases done)`];
  if (task.phases.length) lines.push("Phases:", ...task.phases.map(phaseLine));
  for (const blocker of task.openBlockers) lines.push(`Open blocker #${blocker.id} (${blocker.kind}): ${blocker.title}`);
  for (const approval of task.pendingApprovals) lines.push(`Pending approval ${approval.id} on phase ${approval.phase}: ${approval.title}`);
  if (task.latestCheckpoint) lines.push(`Latest checkpoint #${task.latestCheckpoint.seq}: ${task.latestCheckpoint.summary}`);
  return lines.join("\n");
}
