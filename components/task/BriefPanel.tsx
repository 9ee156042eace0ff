"use client";

import { useBrief } from "@/lib/queries";
import { CopyButton } from "@/components/ui/CopyButton";
import { Markdown } from "@/components/ui/Markdown";
import { Panel } from "@/components/ui/Panel";
import { Skeleton } from "@/components/ui/Skeleton";

export function BriefPanel({ taskKey }: { taskKey: string }) {
  const { data, isPending, error } = useBrief(taskKey);
  return (
    <Panel id="brief-heading" title="Resume brief" actions={data && <CopyButton text={data} label="Copy brief" />}>
      {isPending && <Skeleton className="h-24 w-full" />}
      {error && <p className="text-sm text-zinc-500 dark:text-zinc-400">The resume brief is not available ({error.message}).</p>}
      {data && (
        <div className="max-h-96 overflow-y-auto" data-testid="brief" tabIndex={0} role="region" aria-label="Resume brief text">
          <Markdown>{data}</Markdown>
        </div>
      )}
      <p className="mt-2 text-xs text-zinc-500 dark:text-zinc-400">
        A new session resumes with <code className="font-mono">GET /api/v1/tasks/{taskKey}/brief</code>.
      </p>
    </Panel>
  );
}
