"use client";
// Keeps every approval query fresh from the event stream and raises a browser notification
// when a new approval is requested while the dashboard is open.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { approvalKeys } from "@/components/approvals/queries";

const APPROVAL_EVENTS = ["approval.requested", "approval.decided", "approval.expired"] as const;

type RequestedPayload = { approval: { id: string; title: string; task: string; phase: string; url: string } };

export function useApprovalEvents(): void {
  const queryClient = useQueryClient();
  const router = useRouter();
  useEffect(() => {
    // Only events from now on: a reload must not re-announce old requests.
    const source = new EventSource(`/api/v1/events`);
    source.onopen = () => void queryClient.invalidateQueries({ queryKey: approvalKeys.all });
    const onEvent = (message: MessageEvent<string>) => {
      void queryClient.invalidateQueries({ queryKey: approvalKeys.all }, { cancelRefetch: false });
      if (message.type === "approval.requested") notify((JSON.parse(message.data) as { payload: RequestedPayload }).payload.approval, (path) => router.push(path));
    };
    for (const type of APPROVAL_EVENTS) source.addEventListener(type, onEvent);
    return () => source.close();
  }, [queryClient, router]);
}

function notify(approval: RequestedPayload["approval"], open: (path: string) => void): void {
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
