"use client";

import { useApproval, useApprovals } from "@/components/approvals/queries";
import { ApprovalList } from "@/components/approvals/ApprovalList";
import { ApprovalReview } from "@/components/approvals/ApprovalReview";
import { DecisionRecord } from "@/components/approvals/DecisionRecord";
import { ReviewerDecisions } from "@/components/approvals/ReviewerDecisions";
import { Panel } from "@/components/ui/Panel";

const HISTORY = 5;

/** The task page's gate: a pending approval reviewed in place, else the latest decision, then earlier ones. */
export function ApprovalPanel({ taskKey, viewer }: { taskKey: string; viewer: string }) {
  const { data } = useApprovals({ task: taskKey });
  const items = data?.items ?? [];
  if (items.length === 0) return null;
  const [latest, ...earlier] = items;
  return (
    <Panel id="approvals-heading" title="Approvals">
      <div className="flex flex-col gap-3">
        {latest.status === "pending" ? (
          <PendingReview id={latest.id} viewer={viewer} />
        ) : (
          <div className="flex flex-col gap-1">
            <p className="text-sm font-medium">{latest.title}</p>
            <ReviewerDecisions approval={latest} viewer={viewer} />
            <DecisionRecord approval={latest} />
          </div>
        )}
        {earlier.length > 0 && <ApprovalList items={earlier.slice(0, HISTORY)} label="Earlier approvals" showTask={false} />}
      </div>
    </Panel>
  );
}

function PendingReview({ id, viewer }: { id: string; viewer: string }) {
  const { data } = useApproval(id);
  return data ? <ApprovalReview approval={data} viewer={viewer} /> : null;
}
