import type { ParsedPlan } from "@/lib/plan/parse-terraform-plan";
import { PlainText, PlanNotice, PlanViewer } from "@/components/approvals/PlanViewer";

type Artifact = { name: string; contentType: string; content: string };

/** Terraform plans (text or JSON) get the structured viewer; diffs are coloured; anything else is shown as text. */
export function ArtifactViewer({ artifact, plan, groupHeading }: { artifact: Artifact; plan: ParsedPlan; groupHeading: "h2" | "h3" }) {
  if (plan.isTerraformPlan) return <PlanViewer plan={plan} text={artifact.content} groupHeading={groupHeading} />;
  const diff = /diff|patch/i.test(artifact.contentType) || /\.(diff|patch)$/i.test(artifact.name) || /^(---|\+\+\+|@@) /m.test(artifact.content);
  return (
    <>
      {plan.notice && <PlanNotice notice={plan.notice} />}
      <PlainText text={artifact.content} diff={diff} />
    </>
  );
}
