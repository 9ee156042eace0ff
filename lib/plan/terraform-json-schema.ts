// The part of Terraform's JSON plan format (`terraform show -json plan.out`, format 1.x) the approval viewer
// reads. Everything else in the document is ignored, as the format's own compatibility rules ask. Browser-safe.
import { z } from "zod";
import type { PlanAction } from "@/lib/plan/parse-terraform-plan";

// Terraform's action lists and what the viewer calls them; a plain no-op has no action (unless moved or imported).
const ACTIONS: Record<string, PlanAction | "no-op"> = {
  "no-op": "no-op",
  create: "create",
  read: "read",
  update: "update",
  "delete,create": "replace",
  "create,delete": "replace",
  delete: "destroy",
  forget: "forget",
};

const actionsSchema = z
  .array(z.string())
  .min(1)
  .max(2)
  .transform((actions, ctx) => {
    const action = ACTIONS[actions.join(",")];
    if (action === undefined) {
      ctx.addIssue({ code: "custom", message: `unknown actions ${JSON.stringify(actions)}` });
      return z.NEVER;
    }
    return { action, createFirst: actions[0] === "create" && actions.length === 2 };
  });

/** One step of a path into a value: an attribute or map key, or a list index. */
const pathStep = z.union([z.string(), z.number().int().nonnegative()]);

const changeSchema = z.object({
  actions: actionsSchema,
  before: z.unknown().optional(),
  after: z.unknown().optional(),
  after_unknown: z.unknown().optional(),
  before_sensitive: z.unknown().optional(),
  after_sensitive: z.unknown().optional(),
  replace_paths: z.array(z.array(pathStep)).optional(),
  importing: z.object({ id: z.string().optional() }).optional(),
});
export type TerraformChange = z.infer<typeof changeSchema>;

const resourceChangeSchema = z.object({
  address: z.string().min(1),
  previous_address: z.string().optional(),
  module_address: z.string().optional(),
  mode: z.enum(["managed", "data"]),
  type: z.string().min(1),
  name: z.string().min(1),
  index: z.union([z.string(), z.number()]).optional(),
  provider_name: z.string(),
  change: changeSchema,
  action_reason: z.string().optional(),
});
export type TerraformResourceChange = z.infer<typeof resourceChangeSchema>;

export const terraformJsonPlanSchema = z.object({
  format_version: z.string().regex(/^1\.\d+$/, "must be a 1.x format version (Baton reads Terraform's JSON plan format 1)"),
  terraform_version: z.string().optional(),
  resource_changes: z.array(resourceChangeSchema).default([]),
  output_changes: z.record(z.string(), changeSchema).default({}),
  errored: z.boolean().optional(),
});
export type TerraformJsonPlan = z.infer<typeof terraformJsonPlanSchema>;
