"use client";

import Link from "next/link";
import { useMemo } from "react";
import { parsePlan } from "@/lib/plan/parse-plan";
import type { ApprovalDetail } from "@/lib/server/approvals/approval-view";
import { ArtifactViewer } from "@/components/approvals/ArtifactViewer";
import { DecisionForm } from "@/components/approvals/DecisionForm";
import { DecisionRecord } from "@/components/approvals/DecisionRecord";
import { ReviewerDecisions } from "@/components/approvals/ReviewerDecisions";
import { Markdown } from "@/components/ui/Markdown";
import { ExpiresIn } from "@/components/approvals/ExpiresIn";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { RoleNote } from "@/components/auth/RoleNote";
import { useHasRole } from "@/components/auth/PersonContext";

/**
 * One approval, read in full: what is asked, the artifact, the reviewers so far, and the decision (or the form
 * to make it). `viewer` is the logged-in person as decisions name them (`person:<name>`); `heading` is the
 * title's level (h1 on its own page, h2 inside the task page's panel).
 */
export function ApprovalReview({ approval, viewer, heading: Heading = "h2" }: { approval: ApprovalDetail; viewer: string; heading?: "h1" | "h2" }) {
  const plan = useMemo(() => parsePlan(approval.artifact), [approval.artifact]);
  const mayDecide = useHasRole("approver");
  return (
    <article aria-label={`Approval: ${approval.title}`} className="flex min-w-0 flex-col gap-4">
      <header className="flex flex-col gap-1">
        <div className="flex flex-wrap items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
          <Link href={`/tasks/${encodeURIComponent(approval.task)}`} className="font-medium hover:underline">
            {approval.taskTitle}
          </Link>
          <span aria-hidden>›</span>
          <span>{approval.phaseName}</span>
          <StatusBadge status={approval.status} />
        </div>
        <Heading className="text-lg font-semibold tracking-tight">{approval.title}</Heading>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Requested by {approval.requestedBy ?? "an agent"} <RelativeTime iso={approval.createdAt} />
          {approval.status === "pending" && (
            <>
              {" "}
              · expires <ExpiresIn iso={approval.expiresAt} /> (then {approval.onExpiry}ed)
            </>
          )}
        </p>
      </header>
      {approval.summary && <Markdown>{approval.summary}</Markdown>}
      <section aria-label="Artifact" className="flex min-w-0 flex-col gap-2">
        <p className="flex flex-wrap items-baseline gap-x-2 text-xs text-zinc-500 dark:text-zinc-400">
          <span className="font-mono font-medium text-zinc-700 dark:text-zinc-300">{approval.artifact.name}</span>
          <span>{approval.artifact.contentType}</span>
          <span className="font-mono" title={approval.artifactSha256}>
            sha256 {approval.artifactSha256.slice(0, 12)}…
          </span>
        </p>
        <ArtifactViewer artifact={approval.artifact} plan={plan} groupHeading={Heading === "h1" ? "h2" : "h3"} />
      </section>
      <ReviewerDecisions approval={approval} viewer={viewer} />
      {approval.status !== "pending" ? (
        <DecisionRecord approval={approval} />
      ) : mayDecide ? (
        <DecisionForm approval={approval} viewer={viewer} destroys={plan.destructive.length} />
      ) : (
        <RoleNote role="approver">decide approvals</RoleNote>
      )}
    </article>
  );
}
