// Contracts of a task's blockers and the questions they may ask a person.
import { defineContract } from "@/lib/contracts/define";
import { taskKeyParams } from "@/lib/schemas/task";
import {
  blockerAnswerSchema,
  blockerInputSchema,
  blockerListSchema,
  blockerParams,
  blockerResolveSchema,
  blockerViewSchema,
  blockerWaitQuerySchema,
  questionListQuerySchema,
  questionListSchema,
} from "@/lib/schemas/blocker";

export const listBlockers = defineContract({
  method: "GET",
  path: "/api/v1/tasks/{key}/blockers",
  operationId: "listBlockers",
  summary: "A task's blockers, open first (each with its question fields)",
  tags: ["blockers"],
  auth: "agent",
  role: "viewer",
  params: taskKeyParams,
  responses: { 200: { description: "The blockers.", schema: blockerListSchema } },
  errors: [404],
});

export const openBlocker = defineContract({
  method: "POST",
  path: "/api/v1/tasks/{key}/blockers",
  operationId: "openBlocker",
  summary: "Open a blocker, or ask a person a question",
  description:
    "A `decision` blocker may carry a `question` with `options` (shown as buttons) and a `recommended` option; it waits in the person's inbox and only their answer resolves it.",
  tags: ["blockers"],
  auth: "agent",
  role: "admin",
  params: taskKeyParams,
  body: { schema: blockerInputSchema },
  responses: { 201: { description: "The open blocker.", schema: blockerViewSchema } },
  errors: [404],
});

export const getBlocker = defineContract({
  method: "GET",
  path: "/api/v1/tasks/{key}/blockers/{id}",
  operationId: "getBlocker",
  summary: "A blocker; `?wait=N` long-polls up to N ≤ 60 seconds until it is resolved",
  description: "A waiting call holds one of the token's 64 long-poll slots, shared with approvals (429 with `Retry-After` beyond).",
  tags: ["blockers"],
  auth: "agent",
  role: "viewer",
  params: blockerParams,
  query: blockerWaitQuerySchema,
  responses: {
    200: {
      description: "The blocker (still `open` when the wait ran out); an answered question carries `answer`, `answerComment`, `answeredBy`.",
      schema: blockerViewSchema,
    },
  },
  errors: [404, 429],
});

export const resolveBlocker = defineContract({
  method: "PATCH",
  path: "/api/v1/tasks/{key}/blockers/{id}",
  operationId: "resolveBlocker",
  summary: "Resolve a blocker (a question is resolved only by a person's answer: 403)",
  tags: ["blockers"],
  auth: "agent",
  role: "admin",
  params: blockerParams,
  body: { schema: blockerResolveSchema },
  responses: { 200: { description: "The resolved blocker.", schema: blockerViewSchema } },
  errors: [403, 404, 409],
});

export const answerQuestion = defineContract({
  method: "POST",
  path: "/api/v1/tasks/{key}/blockers/{id}/answer",
  operationId: "answerQuestion",
  summary: "Answer an agent's question (a person's browser session only)",
  description:
    "Needs the session cookie and an `Origin` header equal to the server's origin; any bearer token gets 403. The answer must be one of the question's options when it has any. The answer and comment become the brief's first next action.",
  tags: ["blockers"],
  auth: "session",
  role: "approver",
  params: blockerParams,
  body: { schema: blockerAnswerSchema },
  responses: { 200: { description: "The resolved blocker with its answer.", schema: blockerViewSchema } },
  errors: [404, 409],
});

export const listQuestions = defineContract({
  method: "GET",
  path: "/api/v1/questions",
  operationId: "listQuestions",
  summary: "Questions agents asked across tasks (the inbox: `?status=open`), newest first",
  tags: ["blockers"],
  auth: "agent",
  role: "viewer",
  query: questionListQuerySchema,
  responses: { 200: { description: "The questions, each with its task key and title.", schema: questionListSchema } },
});
