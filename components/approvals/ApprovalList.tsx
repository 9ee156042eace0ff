import Link from "next/link";
import type { ApprovalListItem } from "@/lib/server/approvals/approval-view";
import { ExpiresIn } from "@/components/approvals/ExpiresIn";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { approvalCount } from "@/components/approvals/ReviewerDecisions";

/** Approval rows linking to their review page; decided ones show the comment that went back to the agent. */
export function ApprovalList({ items, label, showTask = true }: { items: ApprovalListItem[]; label: string; showTask?: boolean }) {
  return (
    <ul aria-label={label} className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
      {items.map((approval) => (
        <li key={approval.id}>
          <ApprovalRow approval={approval} showTask={showTask} />
        </li>
      ))}
    </ul>
  );
}

/** One approval as a link to its review page (also a row of the person's inbox). */
export function ApprovalRow({ approval, showTask = true }: { approval: ApprovalListItem; showTask?: boolean }) {
  return (
    <Link href={`/approvals/${encodeURIComponent(approval.id)}`} className="flex flex-col gap-1 px-3 py-2.5 hover:bg-zinc-50 dark:hover:bg-zinc-800/50">
      <span className="flex items-start gap-2">
        <span className="min-w-0 flex-1 font-medium break-words">{approval.title}</span>
        <StatusBadge status={approval.status} />
      </span>
      <span className="flex flex-wrap gap-x-2 text-xs text-zinc-500 dark:text-zinc-400">
        {showTask && (
          <span>
            {approval.taskTitle} › {approval.phaseName}
          </span>
        )}
        <span className="font-mono">{approval.artifactName}</span>
        <span>
          requested <RelativeTime iso={approval.createdAt} />
        </span>
        {approval.status === "pending" && approval.requiredApprovals > 1 && <span>{approvalCount(approval)}</span>}
        {approval.status === "pending" && (
          <span>
            expires <ExpiresIn iso={approval.expiresAt} />
          </span>
        )}
      </span>
      {approval.status !== "pending" && approval.comment && <span className="text-xs text-zinc-600 dark:text-zinc-300">“{approval.comment}”</span>}
    </Link>
  );
}
