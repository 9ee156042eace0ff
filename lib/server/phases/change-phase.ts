// The one use case that moves a phase (PATCH and checkpoints with `phaseStatus`): gates first, then the write.
import type { Tx } from "@/lib/server/db/transaction";
import { AppError } from "@/lib/server/errors";
import type { VerificationResult } from "@/lib/schemas/checkpoint";
import type { VerificationStep } from "@/lib/schemas/phase";
import { applyPhaseChange, type PhaseChange } from "@/lib/server/phases/apply-phase-status";
import { approvalGranted } from "@/lib/server/phases/approval-gate";
import { needsApproval } from "@/lib/server/phases/gate-rules";
import type { PhaseViewRow } from "@/lib/server/phases/phase-view";
import { hasGaps, verificationGaps, type VerificationGaps } from "@/lib/server/phases/verification-gate";

type PhaseRow = Awaited<ReturnType<Tx["phase"]["findUniqueOrThrow"]>>;

export type PhaseChangeRequest = PhaseChange & { force?: boolean; reason?: string };

export type VerificationOverride = VerificationGaps & { reason: string };

export type PhaseChangeOutcome = { phase: PhaseViewRow; from: string; to: string; verificationOverride: VerificationOverride | null };

export async function changePhase(tx: Tx, phase: PhaseRow, request: PhaseChangeRequest, now: Date = new Date()): Promise<PhaseChangeOutcome> {
  const entering = request.status !== undefined && request.status !== phase.status;
  let verificationOverride: VerificationOverride | null = null;
  // Finishing counts too: otherwise a gated phase could be marked done without ever being started.
  const gated = entering && phase.requiresApproval && needsApproval(request.status ?? phase.status);
  if (gated && !(await approvalGranted(tx, phase.id))) {
    throw new AppError(
      "approval-required",
      `Phase "${phase.key}" requires an approved approval before it can ${request.status === "done" ? "be done" : "start"}; an approval opens its phase once, so each start needs a new one. Request one with POST …/phases/${phase.key}/approvals and wait for a person to approve it. force does not override an approval.`,
      { extensions: { phase: phase.key } },
    );
  }
  if (entering && request.status === "done") {
    const gaps = await phaseVerificationGaps(tx, phase);
    if (hasGaps(gaps)) {
      if (!request.force || !request.reason) throw verificationIncomplete(phase.key, gaps);
      verificationOverride = { ...gaps, reason: request.reason };
    }
  }
  const updated = await applyPhaseChange(tx, phase, request, now);
  return { phase: updated, from: phase.status, to: updated.status, verificationOverride };
}

async function phaseVerificationGaps(tx: Tx, phase: PhaseRow): Promise<VerificationGaps> {
  const steps = phase.verification as VerificationStep[];
  if (steps.length === 0) return { missing: [], failed: [] };
  const checkpoints = await tx.checkpoint.findMany({
    where: { taskId: phase.taskId, phaseKey: phase.key },
    orderBy: { seq: "asc" },
    select: { verification: true },
  });
  return verificationGaps(steps, checkpoints.flatMap((c) => c.verification as VerificationResult[]));
}

function verificationIncomplete(phaseKey: string, gaps: VerificationGaps): AppError {
  const parts = [
    gaps.missing.length > 0 ? `no passed result for ${gaps.missing.join(", ")}` : "",
    gaps.failed.length > 0 ? `latest result failed for ${gaps.failed.join(", ")}` : "",
  ].filter(Boolean);
  return new AppError(
    "verification-incomplete",
    `Phase "${phaseKey}" cannot be done: ${parts.join("; ")}. Record the results in a checkpoint's verification, or send force: true with a reason.`,
    {
      extensions: { phase: phaseKey, missing: gaps.missing, failed: gaps.failed },
      errors: [
        ...gaps.missing.map((name) => ({ path: `verification.${name}`, message: "no passed result" })),
        ...gaps.failed.map((name) => ({ path: `verification.${name}`, message: "latest result failed" })),
      ],
    },
  );
}
