import type { ParsedPlan } from "@/lib/plan/parse-terraform-plan";
import { PlainText, PlanNotice, PlanViewer } from "@/components/approvals/PlanViewer";

type Artifact = { name: string; contentType: string; content: string };

/** Terraform plans (text or JSON) get the structured viewer; diffs are coloured; anything else is shown as text. */
export function ArtifactViewer({ artifact, plan }: { artifact: Artifact; plan: ParsedPlan }) {
  if (plan.isTerraformPlan) return <PlanViewer plan={plan} text={artifact.content} />;
  const diff = /diff|patch/i.test(artifact.contentType) || /\.(diff|patch)$/i.test(artifact.name) || /^(---|\+\+\+|@@) /m.test(artifact.content);
  return (
    <>
      {plan.notice && <PlanNotice notice={plan.notice} />}
      <PlainText text={artifact.content} diff={diff} />
    </>
  );
}
