"use client";
// Keeps every approval query fresh from the dashboard's event stream and raises a browser notification
// when a new approval is requested while the dashboard is open.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { approvalKeys } from "@/components/approvals/queries";
import { refreshQuery, useLiveEvent, useLiveState, type LiveEvent } from "@/lib/live";
import type { ApprovalListItem } from "@/lib/schemas/approval";

const APPROVAL_EVENTS = ["approval.requested", "approval.reviewed", "approval.decided", "approval.expired"] as const;

/** Returns whether the stream is connected (only events from now on are announced, never old requests). */
export function useApprovalEvents(): boolean {
  const queryClient = useQueryClient();
  const router = useRouter();
  useLiveEvent(APPROVAL_EVENTS, (event: LiveEvent) => {
    void refreshQuery(queryClient, approvalKeys.all);
    if (event.type === "approval.requested") notify(event.payload.approval, (path) => router.push(path));
  });
  return useLiveState() === "live";
}

function notify(approval: Pick<ApprovalListItem, "id" | "title" | "task" | "phase">, open: (path: string) => void): void {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  const notification = new Notification(`Approval requested: ${approval.title}`, {
    body: `${approval.task} · ${approval.phase}`,
    tag: approval.id,
  });
  notification.onclick = () => {
    window.focus();
    open(`/approvals/${encodeURIComponent(approval.id)}`);
  };
}
