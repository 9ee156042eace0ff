import type { ApprovalListItem } from "@/lib/server/approvals/approval-view";
import { RelativeTime } from "@/components/ui/RelativeTime";

const VERB: Record<string, string> = { approved: "Approved", rejected: "Rejected", expired: "Expired", cancelled: "Superseded" };

/** Who settled an approval, when, and what they said. */
export function DecisionRecord({ approval }: { approval: ApprovalListItem }) {
  if (approval.status === "pending") return null;
  const tone = approval.status === "approved" ? "border-emerald-300 dark:border-emerald-900" : "border-zinc-300 dark:border-zinc-700";
  return (
    <section aria-label="Decision" className={`rounded-md border-l-4 bg-zinc-50 px-3 py-2 text-sm dark:bg-zinc-900 ${tone}`}>
      <p>
        <span className="font-semibold">{VERB[approval.status] ?? approval.status}</span>
        {approval.decidedBy && <> by {approval.decidedBy.replace(/^person:/, "")}</>}
        {approval.decidedAt && (
          <>
            {" "}
            <RelativeTime iso={approval.decidedAt} />
          </>
        )}
      </p>
      {approval.comment && <p className="mt-1 whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">“{approval.comment}”</p>}
    </section>
  );
}
