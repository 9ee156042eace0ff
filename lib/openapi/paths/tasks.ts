import { taskKeyParams, taskListQuerySchema, taskPutSchema } from "@/lib/schemas/task";
import type { Operation } from "@/lib/openapi/types";

export const operations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/tasks",
    operationId: "listTasks",
    summary: "List tasks, newest activity first",
    tags: ["tasks"],
    auth: "bearer",
    query: taskListQuerySchema,
    responses: { 200: { description: "`{items, nextCursor}`; pass `nextCursor` as `cursor` for the next page." } },
  },
  {
    method: "get",
    path: "/api/v1/tasks/{key}",
    operationId: "getTask",
    summary: "A task with its phases, open blockers, pending approvals, latest checkpoint and progress",
    tags: ["tasks"],
    auth: "bearer",
    params: taskKeyParams,
    responses: { 200: { description: "The task." } },
    errors: [404],
  },
  {
    method: "put",
    path: "/api/v1/tasks/{key}",
    operationId: "putTask",
    summary: "Create or update a task",
    description:
      "Phases are upserted by key in array order and never deleted by omission. `playbook` instantiates that playbook's phases first. Leaving `requiresApproval` out never changes it; agents may add gates but never remove one: setting it from `true` to `false` (directly or through a playbook's template) is 403 `gate-locked` unless a person sends it from the dashboard (session cookie + same `Origin`), and nothing in the request is applied.",
    tags: ["tasks"],
    auth: "bearer",
    params: taskKeyParams,
    body: { schema: taskPutSchema },
    responses: { 200: { description: "The task was updated." }, 201: { description: "The task was created." } },
    errors: [403],
  },
  {
    method: "get",
    path: "/api/v1/tasks/{key}/timeline",
    operationId: "getTaskTimeline",
    summary: "Chart series of a task: progress per phase, checkpoint metrics, latest verification results",
    tags: ["tasks"],
    auth: "bearer",
    params: taskKeyParams,
    responses: { 200: { description: "The series." } },
    errors: [404],
  },
];
