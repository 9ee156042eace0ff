// Contracts of playbooks: reusable, verified procedures.
import { defineContract } from "@/lib/contracts/define";
import { playbookInputSchema, playbookListSchema, playbookParams, playbookViewSchema } from "@/lib/schemas/playbook";

export const listPlaybooks = defineContract({
  method: "GET",
  path: "/api/v1/playbooks",
  operationId: "listPlaybooks",
  summary: "Reusable, verified procedures (built-ins first)",
  description: "Built in: `terraform-deploy`, `db-migration-backfill`, `react-build-pipeline`, `split-brain-delivery`.",
  tags: ["playbooks"],
  auth: "agent",
  role: "viewer",
  responses: { 200: { description: "The playbooks.", schema: playbookListSchema } },
});

export const getPlaybook = defineContract({
  method: "GET",
  path: "/api/v1/playbooks/{key}",
  operationId: "getPlaybook",
  summary: "A playbook with its phase templates",
  tags: ["playbooks"],
  auth: "agent",
  role: "viewer",
  params: playbookParams,
  responses: { 200: { description: "The playbook.", schema: playbookViewSchema } },
  errors: [404],
});

export const putPlaybook = defineContract({
  method: "PUT",
  path: "/api/v1/playbooks/{key}",
  operationId: "putPlaybook",
  summary: "Create or replace a playbook",
  description: "`PUT /tasks/{key}` with `playbook` instantiates its phases. Built-in playbooks are read-only (409).",
  tags: ["playbooks"],
  auth: "agent",
  role: "admin",
  params: playbookParams,
  body: { schema: playbookInputSchema },
  responses: {
    200: { description: "The playbook was replaced.", schema: playbookViewSchema },
    201: { description: "The playbook was created.", schema: playbookViewSchema },
  },
  errors: [409],
});
