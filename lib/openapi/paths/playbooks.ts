import { playbookInputSchema, playbookParams } from "@/lib/schemas/playbook";
import type { Contract } from "@/lib/contracts/define";

export const operations: Contract[] = [
  {
    method: "GET",
    path: "/api/v1/playbooks",
    operationId: "listPlaybooks",
    summary: "Reusable, verified procedures (built-ins first)",
    description: "Built in: `terraform-deploy`, `db-migration-backfill`, `react-build-pipeline`, `split-brain-delivery`.",
    tags: ["playbooks"],
    auth: "agent",
    responses: { 200: { description: "`{items}`, each `{key, name, description, builtIn, phases, createdAt, updatedAt}`." } },
  },
  {
    method: "GET",
    path: "/api/v1/playbooks/{key}",
    operationId: "getPlaybook",
    summary: "A playbook with its phase templates",
    tags: ["playbooks"],
    auth: "agent",
    params: playbookParams,
    responses: { 200: { description: "The playbook." } },
    errors: [404],
  },
  {
    method: "PUT",
    path: "/api/v1/playbooks/{key}",
    operationId: "putPlaybook",
    summary: "Create or replace a playbook",
    description: "`PUT /tasks/{key}` with `playbook` instantiates its phases. Built-in playbooks are read-only: 403 to agents, 409 to a person. A template that leaves `requiresApproval` out keeps its stored gate; an agent's replacement that drops or ungates a gated template is 403 `gate-locked` (a person may).",
    tags: ["playbooks"],
    auth: "agent",
    params: playbookParams,
    body: { schema: playbookInputSchema },
    responses: { 200: { description: "The playbook was replaced." }, 201: { description: "The playbook was created." } },
    errors: [403, 409],
  },
];
