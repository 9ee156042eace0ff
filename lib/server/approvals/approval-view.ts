// Presenter for approvals: the inbox row (no artifact content) and the detail (with it).
import type { Prisma } from "@/generated/prisma/client";
import { toApprovalSummary } from "@/lib/server/tasks/task-view";
import { publicUrl } from "@/lib/server/config";

export const approvalInclude = {
  phase: { select: { key: true, name: true, status: true } },
  task: { select: { key: true, title: true } },
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
  createdAt: true,
  ...approvalInclude,
} as const satisfies Prisma.ApprovalSelect;

type ApprovalSummaryRow = Prisma.ApprovalGetPayload<{ select: typeof approvalSummarySelect }>;
type ApprovalDetailRow = Prisma.ApprovalGetPayload<{ include: typeof approvalInclude }>;

export function approvalUrl(id: string): string {
  return `${publicUrl()}/approvals/${encodeURIComponent(id)}`;
}

export function toApprovalListItem(row: ApprovalSummaryRow) {
  return {
    ...toApprovalSummary({ ...row, artifactContent: "" }, row.phase.key, row.task.key),
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
