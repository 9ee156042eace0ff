// The one line that sums up a plan artifact (`Plan: 2 to add, 1 to change, 0 to destroy.`) for places that
// show no full plan, such as chat notifications. Browser-safe; text and `terraform show -json` plans alike.
import { parsePlan, type PlanArtifact } from "@/lib/plan/parse-plan";

export type { PlanArtifact };

export const NO_CHANGES_LINE = "No changes. Your infrastructure matches the configuration.";

/**
 * The plan's summary line (for a JSON plan computed from `resource_changes` as Terraform counts: a replacement is
 * one add and one destroy), the no-changes sentence for an empty plan, or null when the artifact is not a
 * terraform plan or lost its summary.
 */
export function planSummary(artifact: PlanArtifact): string | null {
  const plan = parsePlan(artifact);
  if (!plan.isTerraformPlan) return null;
  return plan.noChanges ? NO_CHANGES_LINE : plan.summaryLine;
}
