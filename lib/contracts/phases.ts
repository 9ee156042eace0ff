// Contracts of a task's phases and its heartbeat.
import { defineContract } from "@/lib/contracts/define";
import { taskKeyParams } from "@/lib/schemas/task";
import { phaseParams, phasePatchSchema, phaseViewSchema } from "@/lib/schemas/phase";
import { heartbeatInputSchema } from "@/lib/schemas/heartbeat";

export const updatePhase = defineContract({
  method: "PATCH",
  path: "/api/v1/tasks/{key}/phases/{phase}",
  operationId: "updatePhase",
  summary: "Move a phase (status, progress, agent) or set its review rules",
  description:
    "→ `active` (or `done`) on a `requiresApproval` phase without an approved, unused approval is a 409 `approval-required`, which `force` never overrides. An approval opens its phase once: it is consumed when the phase leaves `active` (or goes straight to `done`), and the phase view's `gate` then reads `consumed`; → `done` while a verification step has no `passed` result (or its latest is `failed`) is a 409 `verification-incomplete`, unless `force: true` with a `reason`. `requiredApprovals` and `preventSelfReview` apply to the next approval requested; lowering either is 403 `gate-locked` for anyone but a person with the `admin` role, and nothing is applied.",
  tags: ["phases"],
  auth: "agent",
  role: "admin",
  params: phaseParams,
  body: { schema: phasePatchSchema },
  responses: { 200: { description: "The phase, with the gate state the server computed.", schema: phaseViewSchema } },
  errors: [403, 404, 409],
});

export const recordHeartbeat = defineContract({
  method: "POST",
  path: "/api/v1/tasks/{key}/heartbeat",
  operationId: "recordHeartbeat",
  summary: "Keep a task from going stale",
  tags: ["tasks"],
  auth: "agent",
  role: "admin",
  params: taskKeyParams,
  body: { schema: heartbeatInputSchema, optional: true, description: "May be empty (`curl -X POST` is a heartbeat)." },
  responses: { 204: { description: "Recorded." } },
  errors: [404],
});
