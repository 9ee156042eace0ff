// Contracts of split-brain handoffs between agents.
import { defineContract } from "@/lib/contracts/define";
import { taskKeyParams } from "@/lib/schemas/task";
import { handoffInputSchema, handoffListSchema, handoffViewSchema } from "@/lib/schemas/handoff";

const DOCUMENT =
  "A handoff document in the guide's format (`## What's Complete`, `## What's Needed`, `## Next Steps`); `?from=` and `?to=` name the agents.";

export const listHandoffs = defineContract({
  method: "GET",
  path: "/api/v1/tasks/{key}/handoffs",
  operationId: "listHandoffs",
  summary: "A task's handoffs, oldest first",
  tags: ["handoffs"],
  auth: "agent",
  role: "viewer",
  params: taskKeyParams,
  responses: { 200: { description: "The handoffs.", schema: handoffListSchema } },
  errors: [404],
});

export const createHandoff = defineContract({
  method: "POST",
  path: "/api/v1/tasks/{key}/handoffs",
  operationId: "createHandoff",
  summary: "Write a split-brain handoff from one agent to another",
  tags: ["handoffs"],
  auth: "agent",
  role: "admin",
  params: taskKeyParams,
  body: { schema: handoffInputSchema, textContentTypes: { "text/markdown": DOCUMENT, "text/plain": DOCUMENT } },
  responses: { 201: { description: "The handoff.", schema: handoffViewSchema } },
  errors: [404],
});
