// The one line that sums up a plan artifact (`Plan: 2 to add, 1 to change, 0 to destroy.`) for places that
// show no full plan, such as chat notifications. Browser-safe. Text plans today; a parser for
// `terraform show -json` plans adds its branch here so every caller gets both.
import { parseTerraformPlan } from "@/lib/plan/parse-terraform-plan";

export type PlanArtifact = { contentType: string; content: string };

export const NO_CHANGES_LINE = "No changes. Your infrastructure matches the configuration.";

/** The plan's summary line, or null when the artifact is not a terraform plan or lost its summary. */
export function planSummary(artifact: PlanArtifact): string | null {
  const plan = parseTerraformPlan(artifact.content);
  if (plan.summaryLine) return plan.summaryLine;
  return plan.noChanges ? NO_CHANGES_LINE : null;
}
