"use client";

import Link from "next/link";
import { useApproval } from "@/components/approvals/queries";
import { ApprovalReview } from "@/components/approvals/ApprovalReview";
import { Skeleton } from "@/components/ui/Skeleton";

/** `/approvals/{id}`: one approval to read and decide; the link agents and webhooks hand out. */
export function ApprovalPage({ id, viewer }: { id: string; viewer: string }) {
  const { data, isPending, error } = useApproval(id);
  return (
    <div className="flex flex-col gap-4">
      <Link href="/approvals" className="text-sm text-zinc-500 hover:underline dark:text-zinc-400">
        ← All approvals
      </Link>
      {isPending && <Skeleton className="h-64 w-full" />}
      {error && (
        <p role="alert" className="text-sm text-red-700 dark:text-red-400">
          {error.message}
        </p>
      )}
      {data && <ApprovalReview approval={data} viewer={viewer} heading="h1" />}
    </div>
  );
}
