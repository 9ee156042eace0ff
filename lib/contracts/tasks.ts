// Contracts of the task endpoints.
import { defineContract } from "@/lib/contracts/define";
import { taskDetailSchema, taskKeyParams, taskListQuerySchema, taskListSchema, taskPutSchema, taskTimelineSchema } from "@/lib/schemas/task";

export const listTasks = defineContract({
  method: "GET",
  path: "/api/v1/tasks",
  operationId: "listTasks",
  summary: "List tasks, newest activity first",
  tags: ["tasks"],
  auth: "agent",
  role: "viewer",
  query: taskListQuerySchema,
  responses: { 200: { description: "A page of tasks; pass `nextCursor` as `cursor` for the next one.", schema: taskListSchema } },
});

export const getTask = defineContract({
  method: "GET",
  path: "/api/v1/tasks/{key}",
  operationId: "getTask",
  summary: "A task with its phases, open blockers, pending approvals, latest checkpoint and progress",
  tags: ["tasks"],
  auth: "agent",
  role: "viewer",
  params: taskKeyParams,
  responses: { 200: { description: "The task.", schema: taskDetailSchema } },
  errors: [404],
});

export const putTask = defineContract({
  method: "PUT",
  path: "/api/v1/tasks/{key}",
  operationId: "putTask",
  summary: "Create or update a task",
  description:
    "Phases are upserted by key in array order and never deleted by omission. `playbook` instantiates that playbook's phases first. Leaving `requiresApproval`, `requiredApprovals` or `preventSelfReview` out never changes it; agents may add or raise gates but never lower one: setting `requiresApproval` from `true` to `false`, `requiredApprovals` lower, or `preventSelfReview` from `true` to `false` (directly or through a playbook's template) is 403 `gate-locked` unless a person sends it from the dashboard (session cookie + same `Origin`), and nothing in the request is applied.",
  tags: ["tasks"],
  auth: "agent",
  role: "admin",
  params: taskKeyParams,
  body: { schema: taskPutSchema },
  responses: {
    200: { description: "The task was updated.", schema: taskDetailSchema },
    201: { description: "The task was created.", schema: taskDetailSchema },
  },
  errors: [403],
});

export const getTaskTimeline = defineContract({
  method: "GET",
  path: "/api/v1/tasks/{key}/timeline",
  operationId: "getTaskTimeline",
  summary: "Chart series of a task: progress per phase, checkpoint metrics, latest verification results",
  tags: ["tasks"],
  auth: "agent",
  role: "viewer",
  params: taskKeyParams,
  responses: { 200: { description: "The series.", schema: taskTimelineSchema } },
  errors: [404],
});
