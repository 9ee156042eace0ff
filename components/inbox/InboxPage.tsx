"use client";

import Link from "next/link";
import { useApprovals } from "@/components/approvals/queries";
import { ApprovalRow } from "@/components/approvals/ApprovalList";
import { NotificationButton } from "@/components/approvals/NotificationButton";
import { useQuestions } from "@/components/inbox/queries";
import { QuestionCard } from "@/components/inbox/QuestionCard";
import { AnsweredQuestions } from "@/components/inbox/AnsweredQuestions";
import { Panel } from "@/components/ui/Panel";
import { Skeleton } from "@/components/ui/Skeleton";
import type { ApprovalListItem } from "@/lib/server/approvals/approval-view";
import type { QuestionView } from "@/lib/server/blockers/blocker-view";

const RECENT = 10;

type InboxItem = { kind: "approval"; at: string; approval: ApprovalListItem } | { kind: "question"; at: string; question: QuestionView };

/** `/inbox`: everything waiting for a person — pending approvals and agents' open questions — newest first. */
export function InboxPage() {
  const approvals = useApprovals({ status: "pending" });
  const questions = useQuestions({ status: "open" });
  const answered = useQuestions({ status: "resolved", limit: RECENT });
  const recent = answered.data?.items ?? [];
  const loading = approvals.isPending || questions.isPending;
  const error = approvals.error ?? questions.error;
  const items: InboxItem[] = [
    ...(approvals.data?.items ?? []).map((approval) => ({ kind: "approval" as const, at: approval.createdAt, approval })),
    ...(questions.data?.items ?? []).map((question) => ({ kind: "question" as const, at: question.createdAt, question })),
  ].sort((a, b) => b.at.localeCompare(a.at));

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold tracking-tight">Inbox</h1>
        <div className="ml-auto">
          <NotificationButton />
        </div>
      </div>
      <Panel id="inbox-waiting" title={`Waiting for you${loading ? "" : ` · ${items.length}`}`} actions={<HistoryLink />} flush>
        {loading && <Skeleton className="m-3 h-12" />}
        {error && <p className="p-3 text-sm text-red-700 dark:text-red-400">{error.message}</p>}
        {!loading && !error && items.length === 0 && <p className="p-3 text-sm text-zinc-500 dark:text-zinc-400">Nothing waits for you.</p>}
        {items.length > 0 && (
          <ul aria-label="Waiting for you" className="flex flex-col divide-y divide-zinc-200 dark:divide-zinc-800">
            {items.map((item) =>
              item.kind === "approval" ? (
                <li key={`approval-${item.approval.id}`}>
                  <ApprovalRow approval={item.approval} />
                </li>
              ) : (
                <li key={`question-${item.question.id}`}>
                  <QuestionCard question={item.question} />
                </li>
              ),
            )}
          </ul>
        )}
      </Panel>
      {recent.length > 0 && (
        <Panel id="inbox-answered" title="Recently answered" flush>
          <AnsweredQuestions items={recent} />
        </Panel>
      )}
    </div>
  );
}

function HistoryLink() {
  return (
    <Link href="/approvals" className="text-xs font-medium text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-300">
      All approvals
    </Link>
  );
}
