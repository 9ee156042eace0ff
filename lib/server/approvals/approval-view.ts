// Presenter for approvals: the summary on a task, the inbox row (no artifact content) and the detail (with it).
import type { Prisma } from "@/generated/prisma/client";
import type { ApprovalDecisionView } from "@/lib/schemas/approval";
import { publicUrl } from "@/lib/server/config";

/** Each person's decision, oldest first: load it wherever an approval is shown. */
export const approvalDecisionsInclude = {
  decisions: { orderBy: [{ at: "asc" }, { id: "asc" }], select: { by: true, decision: true, comment: true, at: true, artifactSha256: true } },
} as const satisfies Prisma.ApprovalInclude;

type ApprovalRow = Prisma.ApprovalGetPayload<{ include: typeof approvalDecisionsInclude }>;

/** An approval without its (possibly 8 MiB) artifact content. */
export function toApprovalSummary(approval: Omit<ApprovalRow, "artifactContent">, phaseKey: string, taskKey: string) {
  return {
    id: approval.id,
    task: taskKey,
    phase: phaseKey,
    title: approval.title,
    summary: approval.summary,
    status: approval.status,
    artifactName: approval.artifactName,
    artifactContentType: approval.artifactContentType,
    artifactSha256: approval.artifactSha256,
    requestedBy: approval.requestedBy,
    decidedBy: approval.decidedBy,
    comment: approval.comment,
    expiresAt: approval.expiresAt.toISOString(),
    onExpiry: approval.onExpiry,
    decidedAt: approval.decidedAt?.toISOString() ?? null,
    consumedAt: approval.consumedAt?.toISOString() ?? null,
    createdAt: approval.createdAt.toISOString(),
    requiredApprovals: approval.requiredApprovals,
    approvalsReceived: approvalsReceived(approval.decisions, approval.artifactSha256),
    preventSelfReview: approval.preventSelfReview,
    requestedByPerson: approval.requesterPerson,
    decisions: approval.decisions.map(
      (decision): ApprovalDecisionView => ({
        by: decision.by,
        decision: decision.decision as ApprovalDecisionView["decision"],
        comment: decision.comment,
        at: decision.at.toISOString(),
      }),
    ),
  };
}
export type ApprovalSummary = ReturnType<typeof toApprovalSummary>;

/** Distinct people who approved exactly this artifact: decisions on any other hash never count. */
export function approvalsReceived(decisions: { by: string; decision: string; artifactSha256: string }[], artifactSha256: string): number {
  return new Set(decisions.filter((d) => d.decision === "approve" && d.artifactSha256 === artifactSha256).map((d) => d.by)).size;
}

export const approvalInclude = {
  phase: { select: { key: true, name: true, status: true } },
  task: { select: { key: true, title: true } },
  ...approvalDecisionsInclude,
} as const satisfies Prisma.ApprovalInclude;

/** Everything but the artifact content, which can be 8 MiB. */
export const approvalSummarySelect = {
  id: true,
  taskId: true,
  phaseId: true,
  title: true,
  summary: true,
  artifactName: true,
  artifactContentType: true,
  artifactSha256: true,
  status: true,
  requestedBy: true,
  decidedBy: true,
  comment: true,
  expiresAt: true,
  onExpiry: true,
  decidedAt: true,
  consumedAt: true,
  createdAt: true,
  requiredApprovals: true,
  preventSelfReview: true,
  requesterPerson: true,
  ...approvalInclude,
} as const satisfies Prisma.ApprovalSelect;

type ApprovalSummaryRow = Prisma.ApprovalGetPayload<{ select: typeof approvalSummarySelect }>;
type ApprovalDetailRow = Prisma.ApprovalGetPayload<{ include: typeof approvalInclude }>;

export function approvalUrl(id: string): string {
  return `${publicUrl()}/approvals/${encodeURIComponent(id)}`;
}

export function toApprovalListItem(row: ApprovalSummaryRow) {
  return {
    ...toApprovalSummary(row, row.phase.key, row.task.key),
    taskTitle: row.task.title,
    phaseName: row.phase.name,
    phaseStatus: row.phase.status,
    url: approvalUrl(row.id),
  };
}
export type ApprovalListItem = ReturnType<typeof toApprovalListItem>;

export function toApprovalDetail(row: ApprovalDetailRow) {
  return {
    ...toApprovalListItem(row),
    artifact: { name: row.artifactName, contentType: row.artifactContentType, content: row.artifactContent },
  };
}
export type ApprovalDetail = ReturnType<typeof toApprovalDetail>;
