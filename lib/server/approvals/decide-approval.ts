// `POST /approvals/{id}/decision`: a person approves or rejects the exact artifact they read. The approval is
// settled by one rejection, or once `requiredApprovals` distinct people approved; until then each approval is
// recorded (approval.reviewed) and the approval stays pending.
import { transaction, type Tx } from "@/lib/server/db/transaction";
import { appendEvent } from "@/lib/server/events/append-event";
import { AppError, notFound } from "@/lib/server/errors";
import type { ApprovalDecision } from "@/lib/schemas/approval";
import { actorName } from "@/lib/server/auth/authenticate";
import type { SessionPrincipal } from "@/lib/server/auth/sessions";
import { touchTask } from "@/lib/server/tasks/find-task";
import { approvalSummarySelect, approvalsReceived, toApprovalListItem } from "@/lib/server/approvals/approval-view";
import { expireDueApprovals } from "@/lib/server/approvals/expire-approvals";
import { releasePhase } from "@/lib/server/approvals/release-phase";
import { isSelfReview, reviewOutcome } from "@/lib/server/phases/review-rules";

export async function decideApproval(id: string, decision: ApprovalDecision, person: SessionPrincipal) {
  await expireDueApprovals({ ids: [id] });
  return transaction(async (tx) => {
    const now = new Date();
    const by = actorName(person);
    const current = await tx.approval.findUnique({
      where: { id },
      select: { status: true, artifactSha256: true, requiredApprovals: true, preventSelfReview: true, requesterPerson: true },
    });
    if (!current) throw notFound(`Approval "${id}"`);
    if (current.status !== "pending") throw alreadySettled(current.status);
    if (current.artifactSha256 !== decision.artifactSha256) {
      throw new AppError(
        "conflict",
        "The artifact changed since you opened it (its sha256 differs); reload and review the current artifact before deciding.",
        { extensions: { artifactSha256: current.artifactSha256 } },
      );
    }
    if (isSelfReview(current, by)) {
      throw new AppError(
        "self-review",
        `This gate does not allow self-review: the agent token that requested it was created by you (${by}). Another person must decide it.`,
        { extensions: { requestedByPerson: current.requesterPerson } },
      );
    }
    // A write on the approval's row before anything is counted: on PostgreSQL it takes the row lock, so two
    // people deciding at once are counted one after the other; it also re-checks that it is pending and unexpired.
    const { count } = await tx.approval.updateMany({
      where: { id, status: "pending", artifactSha256: decision.artifactSha256, expiresAt: { gt: now } },
      data: { status: "pending" },
    });
    if (count === 0) throw alreadySettled((await tx.approval.findUniqueOrThrow({ where: { id }, select: { status: true } })).status, "expired");
    await recordDecision(tx, id, by, decision, now);
    const decisions = await tx.approvalDecision.findMany({ where: { approvalId: id }, select: { by: true, decision: true, artifactSha256: true } });
    const received = approvalsReceived(decisions, current.artifactSha256);
    const outcome = reviewOutcome(decision.decision, received, current.requiredApprovals);
    const comment = decision.comment || null;
    if (outcome === "pending") {
      const row = await tx.approval.findUniqueOrThrow({ where: { id }, select: approvalSummarySelect });
      const task = await touchTask(tx, row.taskId, now);
      const approval = toApprovalListItem(row);
      await appendEvent(tx, {
        type: "approval.reviewed",
        task,
        actor: by,
        payload: {
          approval,
          decision: "approve",
          by,
          sessionId: person.sessionId,
          at: now.toISOString(),
          artifactSha256: current.artifactSha256,
          comment,
          approvalsReceived: received,
          requiredApprovals: current.requiredApprovals,
        },
      });
      return approval;
    }
    await tx.approval.update({ where: { id }, data: { status: outcome, decidedBy: by, comment, decidedAt: now } });
    const row = await tx.approval.findUniqueOrThrow({ where: { id }, select: approvalSummarySelect });
    const phase = await releasePhase(tx, row.phaseId, now);
    const task = await touchTask(tx, row.taskId, now);
    const approval = toApprovalListItem(row);
    await appendEvent(tx, {
      type: "approval.decided",
      task,
      actor: by,
      payload: {
        approval,
        decision: decision.decision,
        decidedBy: by,
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

/** One decision per person per approval: deciding twice is a 409 whatever the first decision was. */
async function recordDecision(tx: Tx, approvalId: string, by: string, decision: ApprovalDecision, now: Date): Promise<void> {
  const earlier = await tx.approvalDecision.findUnique({ where: { approvalId_by: { approvalId, by } }, select: { decision: true, at: true } });
  if (earlier) {
    throw new AppError("conflict", `You already decided this approval (${earlier.decision}d at ${earlier.at.toISOString()}); it needs other people's decisions now.`, {
      extensions: { yourDecision: earlier.decision },
    });
  }
  await tx.approvalDecision.create({
    data: { approvalId, by, decision: decision.decision, comment: decision.comment || null, artifactSha256: decision.artifactSha256, at: now },
  });
}

function alreadySettled(status: string, fallback = status): AppError {
  const settled = status === "pending" ? fallback : status;
  if (settled === "expired") return new AppError("conflict", "This approval expired before the decision arrived.", { extensions: { approvalStatus: "expired" } });
  return new AppError("conflict", `This approval is already ${settled}; it cannot be decided again.`, { extensions: { approvalStatus: settled } });
}
