"use client";

import { useId, useState } from "react";
import { useDecideApproval } from "@/components/approvals/queries";
import type { ApprovalDetail } from "@/lib/server/approvals/approval-view";
import { approvalCount } from "@/components/approvals/ReviewerDecisions";

type Step = { kind: "edit" } | { kind: "confirm-destroy" };

/**
 * Approve or reject the artifact shown above it; approving a destructive plan takes a second, explicit click.
 * A person who already decided (or may not review their own agent's request) sees why instead of the buttons.
 */
export function DecisionForm({ approval, viewer, destroys }: { approval: ApprovalDetail; viewer: string; destroys: number }) {
  const commentId = useId();
  const [comment, setComment] = useState("");
  const [step, setStep] = useState<Step>({ kind: "edit" });
  const decide = useDecideApproval(approval.id);

  const submit = (decision: "approve" | "reject") =>
    decide.mutate({ decision, comment: comment.trim() || undefined, artifactSha256: approval.artifactSha256 });

  const own = (decide.data ?? approval).decisions.find((d) => d.by === viewer);
  if (decide.isSuccess && decide.data.status !== "pending") {
    return (
      <p role="status" className="rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-800">
        You {decide.data.status} this request. The agent has been told.
      </p>
    );
  }
  if (own) {
    return (
      <p role="status" className="rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-800">
        You {own.decision}d this request ({approvalCount(decide.data ?? approval)}). It waits for another person.
      </p>
    );
  }
  if (approval.preventSelfReview && approval.requestedByPerson === viewer) {
    return (
      <p role="status" className="rounded-md bg-zinc-100 px-3 py-2 text-sm dark:bg-zinc-800">
        You created the agent token that asked for this, and this gate does not allow self-review: another person must decide it.
      </p>
    );
  }

  return (
    <div role="group" aria-label="Decision" className="flex flex-col gap-2">
      <label htmlFor={commentId} className="text-sm font-medium">
        Comment <span className="font-normal text-zinc-500 dark:text-zinc-400">(a rejection’s comment becomes the agent’s next instruction)</span>
      </label>
      <textarea
        id={commentId}
        value={comment}
        onChange={(event) => setComment(event.target.value)}
        rows={3}
        placeholder="e.g. Do not replace the database; add a lifecycle ignore_changes on engine_version."
        className="w-full rounded-md border border-zinc-300 bg-white px-2.5 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-950"
      />
      {decide.error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {decide.error.message}
        </p>
      )}
      {step.kind === "confirm-destroy" ? (
        <div role="alertdialog" aria-labelledby={`${commentId}-confirm`} className="flex flex-col gap-2 rounded-md border border-red-300 bg-red-50 p-3 dark:border-red-900 dark:bg-red-950/60">
          <p id={`${commentId}-confirm`} className="text-sm font-semibold text-red-800 dark:text-red-200">
            This plan destroys {destroys} {destroys === 1 ? "resource" : "resources"}. Approve it anyway?
          </p>
          <div className="flex flex-wrap gap-2">
            <button type="button" disabled={decide.isPending} onClick={() => submit("approve")} className={buttonClass("danger")}>
              Yes, approve and destroy
            </button>
            <button type="button" onClick={() => setStep({ kind: "edit" })} className={buttonClass("plain")}>
              Go back
            </button>
          </div>
        </div>
      ) : (
        <div className="flex flex-wrap gap-2">
          <button
            type="button"
            disabled={decide.isPending}
            onClick={() => (destroys > 0 ? setStep({ kind: "confirm-destroy" }) : submit("approve"))}
            className={buttonClass("approve")}
          >
            Approve
          </button>
          <button type="button" disabled={decide.isPending} onClick={() => submit("reject")} className={buttonClass("plain")}>
            Reject
          </button>
        </div>
      )}
    </div>
  );
}

function buttonClass(kind: "approve" | "danger" | "plain"): string {
  const base = "min-h-10 flex-1 rounded-md px-4 py-2 text-sm font-semibold disabled:opacity-50 sm:flex-none";
  // White on emerald-700 is 5.5:1 (emerald-600 was 3.6:1, below WCAG AA's 4.5:1 for this text size).
  if (kind === "approve") return `${base} bg-emerald-700 text-white hover:bg-emerald-800`;
  if (kind === "danger") return `${base} bg-red-600 text-white hover:bg-red-700`;
  return `${base} border border-zinc-300 bg-white hover:bg-zinc-100 dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800`;
}
