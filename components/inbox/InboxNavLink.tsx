"use client";

import Link from "next/link";
import { useApprovals } from "@/components/approvals/queries";
import { useApprovalEvents } from "@/components/approvals/useApprovalEvents";
import { useQuestions } from "@/components/inbox/queries";
import { useQuestionEvents } from "@/components/inbox/useQuestionEvents";

/** The header's link to the inbox, counting pending approvals and open questions; it keeps both live on every page. */
export function InboxNavLink() {
  const live = useApprovalEvents();
  useQuestionEvents();
  const approvals = useApprovals({ status: "pending" });
  const questions = useQuestions({ status: "open" });
  const waiting = (approvals.data?.items.length ?? 0) + (questions.data?.items.length ?? 0);
  return (
    <Link href="/inbox" data-live={live} className="inline-flex items-center gap-1.5 hover:text-zinc-900 dark:hover:text-zinc-100">
      Inbox
      {waiting > 0 && (
        <span
          aria-label={`${waiting} pending`}
          data-testid="inbox-count"
          className="rounded-full bg-amber-700 px-1.5 py-px text-[11px] font-semibold leading-4 text-white tabular-nums dark:bg-amber-400 dark:text-amber-950"
        >
          {waiting}
        </span>
      )}
    </Link>
  );
}
