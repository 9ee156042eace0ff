// The approval gate's facts in the database: which approval counts for a phase, and using it up.
import type { Prisma } from "@/generated/prisma/client";
import type { Tx } from "@/lib/server/db/transaction";
import { gateState } from "@/lib/server/phases/gate-rules";

/** The latest approval not superseded by a newer request: the only one the gate looks at. */
export const latestApprovalQuery = {
  where: { status: { not: "cancelled" } },
  orderBy: { createdAt: "desc" },
  take: 1,
  select: { status: true, consumedAt: true },
} as const satisfies Prisma.Phase$approvalsArgs;

/** True when the latest approval is approved and not yet used: the gate is open for one entry. */
export async function approvalGranted(tx: Tx, phaseId: number): Promise<boolean> {
  const [latest] = await tx.approval.findMany({ ...latestApprovalQuery, where: { ...latestApprovalQuery.where, phaseId } });
  return gateState(true, latest ?? null) === "approved";
}

/** Marks the phase's approved, unused approvals as used, in the caller's transaction. */
export async function consumeApproval(tx: Tx, phaseId: number, now: Date): Promise<void> {
  await tx.approval.updateMany({ where: { phaseId, status: "approved", consumedAt: null }, data: { consumedAt: now } });
}
