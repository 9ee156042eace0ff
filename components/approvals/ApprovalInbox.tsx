"use client";

import { useApprovals } from "@/components/approvals/queries";
import { ApprovalList } from "@/components/approvals/ApprovalList";
import { NotificationButton } from "@/components/approvals/NotificationButton";
import { Panel } from "@/components/ui/Panel";
import { Skeleton } from "@/components/ui/Skeleton";

const RECENT = 20;

/** `/approvals`: the gates waiting for a person, then what was decided lately. */
export function ApprovalInbox() {
  const pending = useApprovals({ status: "pending" });
  const all = useApprovals({});
  const decided = (all.data?.items ?? []).filter((a) => a.status !== "pending").slice(0, RECENT);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center gap-3">
        <h1 className="text-xl font-semibold tracking-tight">Approvals</h1>
        <div className="ml-auto">
          <NotificationButton />
        </div>
      </div>
      <Panel id="pending-approvals" title={`Waiting for you${pending.data ? ` · ${pending.data.items.length}` : ""}`} flush>
        {pending.isPending && <Skeleton className="m-3 h-12" />}
        {pending.error && <p className="p-3 text-sm text-red-700 dark:text-red-400">{pending.error.message}</p>}
        {pending.data?.items.length === 0 && <p className="p-3 text-sm text-zinc-500 dark:text-zinc-400">Nothing waits for a decision.</p>}
        {pending.data && <ApprovalList items={pending.data.items} label="Pending approvals" />}
      </Panel>
      {decided.length > 0 && (
        <Panel id="decided-approvals" title="Recently settled" flush>
          <ApprovalList items={decided} label="Recently settled approvals" />
        </Panel>
      )}
    </div>
  );
}
