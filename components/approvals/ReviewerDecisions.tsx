import type { ApprovalListItem } from "@/lib/server/approvals/approval-view";
import { RelativeTime } from "@/components/ui/RelativeTime";

/** "1 of 2 approvals": how far a gate that needs several people has come. */
export function approvalCount(approval: Pick<ApprovalListItem, "approvalsReceived" | "requiredApprovals">): string {
  return `${approval.approvalsReceived} of ${approval.requiredApprovals} approvals`;
}

export function personName(actor: string): string {
  return actor.replace(/^person:/, "");
}

/** Each person's decision on a gate that needs more than one reviewer, and how many are still needed. */
export function ReviewerDecisions({ approval, viewer }: { approval: ApprovalListItem; viewer: string }) {
  if (approval.requiredApprovals === 1) return null;
  const missing = approval.requiredApprovals - approval.approvalsReceived;
  return (
    <section aria-label="Reviewers" className="flex flex-col gap-1.5 rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
      <p>
        <span className="font-semibold">{approvalCount(approval)}</span>
        {approval.status === "pending" && (
          <span className="text-zinc-600 dark:text-zinc-300">
            {" "}
            · {missing === 1 ? "1 more person" : `${missing} more people`} must approve this exact artifact
          </span>
        )}
        {approval.preventSelfReview && <span className="text-zinc-600 dark:text-zinc-300"> · no self-review</span>}
      </p>
      {approval.decisions.length > 0 && (
        <ul aria-label="Decisions" className="flex flex-col gap-1">
          {approval.decisions.map((decision) => (
            <li key={decision.by} className="flex flex-col">
              <span>
                <span className="font-medium">{decision.by === viewer ? "You" : personName(decision.by)}</span>{" "}
                {decision.decision === "approve" ? "approved" : "rejected"} <RelativeTime iso={decision.at} />
              </span>
              {decision.comment && <span className="whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">“{decision.comment}”</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
