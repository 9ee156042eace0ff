"use client";
// Keeps every approval query fresh from the event stream and raises a browser notification
// when a new approval is requested while the dashboard is open.
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { approvalKeys } from "@/components/approvals/queries";

const APPROVAL_EVENTS = ["approval.requested", "approval.decided", "approval.expired"] as const;

type RequestedPayload = { approval: { id: string; title: string; task: string; phase: string; url: string } };

/** Returns whether the stream is connected (approvals requested while it is not are not announced). */
export function useApprovalEvents(): boolean {
  const queryClient = useQueryClient();
  const router = useRouter();
  const [connected, setConnected] = useState(false);
  useEffect(() => {
    // Only events from now on: a reload must not re-announce old requests.
    const source = new EventSource(`/api/v1/events`);
    source.onopen = () => {
      setConnected(true);
      void queryClient.invalidateQueries({ queryKey: approvalKeys.all });
    };
    source.onerror = () => setConnected(false);
    const onEvent = (message: MessageEvent<string>) => {
      void queryClient.invalidateQueries({ queryKey: approvalKeys.all }, { cancelRefetch: false });
      if (message.type === "approval.requested") notify((JSON.parse(message.data) as { payload: RequestedPayload }).payload.approval, (path) => router.push(path));
    };
    for (const type of APPROVAL_EVENTS) source.addEventListener(type, onEvent);
    return () => source.close();
  }, [queryClient, router]);
  return connected;
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
