"use client";
// Keeps every question query fresh from the dashboard's event stream and raises a browser notification
// when an agent asks a question while the dashboard is open (as useApprovalEvents does for approvals).
import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { questionKeys } from "@/components/inbox/queries";
import { refreshQuery, useLiveEvent, type LiveEvent } from "@/lib/live";
import type { BlockerView } from "@/lib/schemas/blocker";

const BLOCKER_EVENTS = ["blocker.opened", "blocker.resolved"] as const;

export function useQuestionEvents(): void {
  const queryClient = useQueryClient();
  const router = useRouter();
  useLiveEvent(BLOCKER_EVENTS, (event: LiveEvent) => {
    if (event.type !== "blocker.opened" && event.type !== "blocker.resolved") return;
    const { blocker } = event.payload;
    if (!blocker.question) return;
    void refreshQuery(queryClient, questionKeys.all);
    if (event.type === "blocker.opened" && event.taskKey) notify(blocker, event.taskKey, (path) => router.push(path));
  });
}

function notify(blocker: Pick<BlockerView, "id" | "title" | "question">, taskKey: string, open: (path: string) => void): void {
  if (typeof Notification === "undefined" || Notification.permission !== "granted") return;
  const notification = new Notification(`Question: ${blocker.question}`, { body: `${taskKey} · ${blocker.title}`, tag: `question-${blocker.id}` });
  notification.onclick = () => {
    window.focus();
    open(`/inbox#question-${blocker.id}`);
  };
}
