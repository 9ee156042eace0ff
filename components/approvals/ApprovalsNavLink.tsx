"use client";

import Link from "next/link";
import { useApprovals } from "@/components/approvals/queries";
import { useApprovalEvents } from "@/components/approvals/useApprovalEvents";

/** The header's link to the inbox with its pending count; it also keeps approvals live on every page. */
export function ApprovalsNavLink() {
  const live = useApprovalEvents();
  const { data } = useApprovals({ status: "pending" });
  const pending = data?.items.length ?? 0;
  return (
    <Link href="/approvals" data-live={live} className="inline-flex items-center gap-1.5 hover:text-zinc-900 dark:hover:text-zinc-100">
      Approvals
      {pending > 0 && (
        <span
          aria-label={`${pending} pending`}
          className="rounded-full bg-amber-500 px-1.5 py-px text-[11px] font-semibold leading-4 text-white tabular-nums dark:bg-amber-600"
        >
          {pending}
        </span>
      )}
    </Link>
  );
}
