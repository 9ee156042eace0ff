import { handoffInputSchema } from "@/lib/schemas/handoff";
import { taskKeyParams } from "@/lib/schemas/task";
import type { Contract } from "@/lib/contracts/define";

const DOCUMENT =
  "A handoff document in the guide's format (`## What's Complete`, `## What's Needed`, `## Next Steps`); `?from=` and `?to=` name the agents.";

export const operations: Contract[] = [
  {
    method: "GET",
    path: "/api/v1/tasks/{key}/handoffs",
    operationId: "listHandoffs",
    summary: "A task's handoffs",
    tags: ["handoffs"],
    auth: "agent",
    params: taskKeyParams,
    responses: { 200: { description: "The handoffs." } },
    errors: [404],
  },
  {
    method: "POST",
    path: "/api/v1/tasks/{key}/handoffs",
    operationId: "createHandoff",
    summary: "Write a split-brain handoff from one agent to another",
    tags: ["handoffs"],
    auth: "agent",
    params: taskKeyParams,
    body: { schema: handoffInputSchema, textContentTypes: { "text/markdown": DOCUMENT, "text/plain": DOCUMENT } },
    responses: { 201: { description: "The handoff." } },
    errors: [404],
  },
];
