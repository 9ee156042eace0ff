// Contracts of the resume brief and the guide's progress.json.
import { defineContract } from "@/lib/contracts/define";
import { taskKeyParams } from "@/lib/schemas/task";
import { briefQuerySchema, briefSchema } from "@/lib/schemas/brief";
import { progressFileSchema, progressFileViewSchema } from "@/lib/schemas/progress-file";

export const getBrief = defineContract({
  method: "GET",
  path: "/api/v1/tasks/{key}/brief",
  operationId: "getBrief",
  summary: "The resume brief: everything a new session needs to pick the task up",
  description:
    "Markdown by default; JSON with `Accept: application/json`. Holds the overall percent, the current phase with its progress and resume cursor (\"73% — resume at record 730000\"), next actions (a rejected approval's comment first), the last checkpoint's done/next/dependencies/decisions, open blockers, pending and rejected approvals, the latest handoff, the remaining phases with completion criteria, verification and rollback, and how to report back.",
  tags: ["brief"],
  auth: "agent",
  role: "viewer",
  params: taskKeyParams,
  query: briefQuerySchema,
  headers: [{ name: "Accept", description: "`application/json` for the JSON model; anything else gets markdown." }],
  responses: { 200: { description: "The brief: `text/markdown`, or this JSON model when asked.", schema: briefSchema, contentType: "text/markdown" } },
  errors: [404],
});

export const exportProgressFile = defineContract({
  method: "GET",
  path: "/api/v1/tasks/{key}/progress.json",
  operationId: "exportProgressFile",
  summary: "The task as the guide's progress.json",
  tags: ["brief"],
  auth: "agent",
  role: "viewer",
  params: taskKeyParams,
  responses: { 200: { description: "`{task, started_at, current_phase, completed_phases, pending_phases, blockers, notes}`.", schema: progressFileViewSchema } },
  errors: [404],
});

export const importProgressFile = defineContract({
  method: "PUT",
  path: "/api/v1/tasks/{key}/progress.json",
  operationId: "importProgressFile",
  summary: "Make the task match a progress.json",
  description:
    "completed_phases → done, current_phase → active, pending_phases → pending (unknown phases are created), blockers → open blockers (open blockers no longer listed are resolved), notes → notes, task → title. Approval gates still hold (409). One `task.updated` event.",
  tags: ["brief"],
  auth: "agent",
  role: "admin",
  params: taskKeyParams,
  body: { schema: progressFileSchema },
  responses: {
    200: { description: "The task was updated; the body is its progress file.", schema: progressFileViewSchema },
    201: { description: "The task was created; the body is its progress file.", schema: progressFileViewSchema },
  },
  errors: [409],
});
