"use client";

import Link from "next/link";
import { useBlockers } from "@/lib/queries";
import { Panel } from "@/components/ui/Panel";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { Skeleton } from "@/components/ui/Skeleton";
import { statusLabel } from "@/components/ui/StatusBadge";

export function BlockersPanel({ taskKey }: { taskKey: string }) {
  const { data, isPending, error } = useBlockers(taskKey);
  const items = data?.items ?? [];
  const open = items.filter((blocker) => blocker.status === "open").length;
  return (
    <Panel
      id="blockers-heading"
      title="Blockers"
      actions={
        data && (
          <span className={`text-xs font-medium ${open > 0 ? "text-red-700 dark:text-red-400" : "text-zinc-500 dark:text-zinc-400"}`}>{open} open</span>
        )
      }
    >
      {isPending && <Skeleton className="h-10 w-full" />}
      {error && <p className="text-sm text-zinc-500 dark:text-zinc-400">Blockers could not be loaded ({error.message}).</p>}
      {data && items.length === 0 && <p className="text-sm text-zinc-500 dark:text-zinc-400">Nothing blocks this task.</p>}
      <ul className="flex flex-col gap-2">
        {items.map((blocker) => {
          const resolved = blocker.status === "resolved";
          return (
            <li
              key={blocker.id}
              data-testid="blocker"
              data-status={blocker.status}
              className={`rounded-md border px-2.5 py-2 text-sm ${resolved ? "border-zinc-200 text-zinc-500 dark:border-zinc-800 dark:text-zinc-400" : "border-red-200 bg-red-50/60 dark:border-red-900 dark:bg-red-950/40"}`}
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className={`font-medium ${resolved ? "line-through decoration-zinc-400" : ""}`}>{blocker.title}</span>
                <span className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">{statusLabel(blocker.kind)}</span>
                <span className={`text-xs ${resolved ? "" : "font-medium text-red-700 dark:text-red-400"}`}>{blocker.status}</span>
              </div>
              {blocker.detail && <p className="mt-1 text-xs whitespace-pre-wrap">{blocker.detail}</p>}
              {blocker.question && (
                <p className="mt-1 text-xs">
                  Asks a person: {blocker.question}
                  {!resolved && (
                    <>
                      {" "}
                      <Link href={`/inbox#question-${blocker.id}`} className="font-medium underline underline-offset-2">
                        Answer in the inbox
                      </Link>
                    </>
                  )}
                </p>
              )}
              <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">
                {blocker.owner && <>owner <span className="font-mono">{blocker.owner}</span> · </>}
                {blocker.phase && <>phase <span className="font-mono">{blocker.phase}</span> · </>}
                opened <RelativeTime iso={blocker.createdAt} />
                {blocker.resolvedAt && (
                  <>
                    {" "}
                    · resolved <RelativeTime iso={blocker.resolvedAt} />
                  </>
                )}
              </p>
              {blocker.resolution && (
                <p className="mt-1 text-xs">
                  {blocker.answer === null ? "Resolution" : `Answered by ${blocker.answeredBy?.replace(/^person:/, "") ?? "a person"}`}: {blocker.resolution}
                </p>
              )}
            </li>
          );
        })}
      </ul>
    </Panel>
  );
}
