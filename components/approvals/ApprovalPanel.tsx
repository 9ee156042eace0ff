"use client";

import { useApproval, useApprovals } from "@/components/approvals/queries";
import { ApprovalList } from "@/components/approvals/ApprovalList";
import { ApprovalReview } from "@/components/approvals/ApprovalReview";
import { Panel } from "@/components/ui/Panel";

const HISTORY = 5;

/** The task page's gate: the pending approval reviewed in place, and the latest decisions. */
export function ApprovalPanel({ taskKey }: { taskKey: string }) {
  const { data } = useApprovals({ task: taskKey });
  const items = data?.items ?? [];
  const pending = items.find((a) => a.status === "pending") ?? null;
  const history = items.filter((a) => a.id !== pending?.id).slice(0, HISTORY);
  if (items.length === 0) return null;
  return (
    <Panel id="approvals-heading" title="Approvals">
      <div className="flex flex-col gap-3">
        {pending && <PendingReview id={pending.id} />}
        {history.length > 0 && <ApprovalList items={history} label="Earlier approvals" showTask={false} />}
      </div>
    </Panel>
  );
}

function PendingReview({ id }: { id: string }) {
  const { data } = useApproval(id);
  return data ? <ApprovalReview approval={data} /> : null;
}
