// `POST /approvals/{id}/decision`: a person approves or rejects the exact artifact they read.
import { transaction } from "@/lib/server/db/transaction";
import { appendEvent } from "@/lib/server/events/append-event";
import { AppError, notFound } from "@/lib/server/errors";
import type { ApprovalDecision } from "@/lib/schemas/approval";
import type { SessionPrincipal } from "@/lib/server/auth/sessions";
import { touchTask } from "@/lib/server/tasks/find-task";
import { approvalSummarySelect, toApprovalListItem } from "@/lib/server/approvals/approval-view";
import { expireDueApprovals } from "@/lib/server/approvals/expire-approvals";
import { releasePhase } from "@/lib/server/approvals/release-phase";

export async function decideApproval(id: string, decision: ApprovalDecision, person: SessionPrincipal) {
  await expireDueApprovals({ ids: [id] });
  return transaction(async (tx) => {
    const now = new Date();
    const current = await tx.approval.findUnique({ where: { id }, select: { status: true, artifactSha256: true, expiresAt: true } });
    if (!current) throw notFound(`Approval "${id}"`);
    if (current.status !== "pending") {
      throw new AppError("conflict", `This approval is already ${current.status}; it cannot be decided again.`, { extensions: { approvalStatus: current.status } });
    }
    if (current.artifactSha256 !== decision.artifactSha256) {
      throw new AppError(
        "conflict",
        "The artifact changed since you opened it (its sha256 differs); reload and review the current artifact before deciding.",
        { extensions: { artifactSha256: current.artifactSha256 } },
      );
    }
    const status = decision.decision === "approve" ? "approved" : "rejected";
    const decidedBy = `person:${person.label}`;
    const comment = decision.comment || null;
    const { count } = await tx.approval.updateMany({
      where: { id, status: "pending", artifactSha256: decision.artifactSha256, expiresAt: { gt: now } },
      data: { status, decidedBy, comment, decidedAt: now },
    });
    if (count === 0) throw new AppError("conflict", "This approval expired before the decision arrived.", { extensions: { approvalStatus: "expired" } });
    const row = await tx.approval.findUniqueOrThrow({ where: { id }, select: approvalSummarySelect });
    const phase = await releasePhase(tx, row.phaseId, now);
    const task = await touchTask(tx, row.taskId, now);
    const approval = toApprovalListItem(row);
    await appendEvent(tx, {
      type: "approval.decided",
      task,
      actor: decidedBy,
      payload: {
        approval,
        decision: decision.decision,
        decidedBy,
        sessionId: person.sessionId,
        decidedAt: now.toISOString(),
        artifactSha256: row.artifactSha256,
        comment,
        phase,
      },
    });
    return approval;
  });
}
