// `POST /tasks/{key}/phases/{phase}/approvals`: an agent asks a person to review an artifact before a phase may start.
import { createHash } from "node:crypto";
import { transaction } from "@/lib/server/db/transaction";
import { appendEvent } from "@/lib/server/events/append-event";
import { AppError } from "@/lib/server/errors";
import { generateId } from "@/lib/server/auth/secrets";
import { actorName, type Principal } from "@/lib/server/auth/authenticate";
import type { ApprovalRequest } from "@/lib/schemas/approval";
import { requireTask, touchTask } from "@/lib/server/tasks/find-task";
import { ensurePhase } from "@/lib/server/phases/upsert-phases";
import { applyPhaseChange } from "@/lib/server/phases/apply-phase-status";
import { isFinished } from "@/lib/server/phases/phase-rules";
import { toPhaseView } from "@/lib/server/phases/phase-view";
import { approvalInclude, toApprovalListItem } from "@/lib/server/approvals/approval-view";
import { requesterPerson } from "@/lib/server/approvals/requester-person";

export function artifactSha256(content: string): string {
  return createHash("sha256").update(content, "utf8").digest("hex");
}

export async function requestApproval(taskKey: string, phaseKey: string, input: ApprovalRequest, principal: Principal) {
  const actor = actorName(principal);
  return transaction(async (tx) => {
    const now = new Date();
    const task = await requireTask(tx, taskKey);
    const phase = await ensurePhase(tx, task.id, phaseKey);
    if (isFinished(phase.status)) {
      throw new AppError("conflict", `Phase "${phaseKey}" is already ${phase.status}; there is nothing left to approve.`, {
        extensions: { phase: phaseKey, phaseStatus: phase.status },
      });
    }
    const superseded = await tx.approval.findMany({ where: { phaseId: phase.id, status: "pending" }, select: { id: true } });
    if (superseded.length > 0) {
      await tx.approval.updateMany({
        where: { id: { in: superseded.map((a) => a.id) }, status: "pending" },
        data: { status: "cancelled", decidedAt: now, decidedBy: actor, comment: "Superseded by a newer approval request." },
      });
    }
    // A new request starts with no decisions: approvals given to an earlier artifact never carry over.
    // Asking for a review makes the phase a gate, so a phase named here for the first time cannot start unreviewed.
    const gated = phase.requiresApproval ? phase : await tx.phase.update({ where: { id: phase.id }, data: { requiresApproval: true } });
    const updatedPhase = await applyPhaseChange(tx, gated, { status: "awaiting_approval" }, now);
    const row = await tx.approval.create({
      data: {
        id: generateId("apr"),
        taskId: task.id,
        phaseId: phase.id,
        title: input.title,
        summary: input.summary ?? null,
        artifactName: input.artifact.name,
        artifactContentType: input.artifact.contentType,
        artifactContent: input.artifact.content,
        artifactSha256: artifactSha256(input.artifact.content),
        requestedBy: actor,
        expiresAt: new Date(now.getTime() + input.expiresInSeconds * 1000),
        onExpiry: input.onExpiry,
        requiredApprovals: phase.requiredApprovals,
        preventSelfReview: phase.preventSelfReview,
        requesterPerson: requesterPerson(principal),
        createdAt: now,
      },
      include: approvalInclude,
    });
    await touchTask(tx, task.id, now);
    const approval = toApprovalListItem(row);
    await appendEvent(tx, {
      type: "approval.requested",
      task,
      actor,
      payload: { approval, phase: toPhaseView(updatedPhase), superseded: superseded.map((a) => a.id) },
    });
    return approval;
  });
}
