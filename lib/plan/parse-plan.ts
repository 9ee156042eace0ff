// Picks the reader for an approval artifact: Terraform's JSON plan when the content type says JSON (or the
// content is a JSON object), the text plan reader otherwise. Browser-safe.
import { parseTerraformJsonPlan } from "@/lib/plan/parse-terraform-json-plan";
import { parseTerraformPlan, type ParsedPlan } from "@/lib/plan/parse-terraform-plan";

export type PlanArtifact = { contentType: string; content: string };

const JSON_TYPE = /^\s*application\/(?:[\w.-]+\+)?json\s*(?:;|$)/i;

export function parsePlan({ contentType, content }: PlanArtifact): ParsedPlan {
  if (JSON_TYPE.test(contentType)) return parseTerraformJsonPlan(content);
  if (content.trimStart().startsWith("{")) {
    const plan = parseTerraformJsonPlan(content, false);
    if (plan.isTerraformPlan) return plan;
  }
  return parseTerraformPlan(content);
}
