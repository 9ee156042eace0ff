import type { CheckpointView } from "@/lib/server/checkpoints/checkpoint-view";
import { formatNumber, formatProgress } from "@/lib/format/numbers";
import { Markdown } from "@/components/ui/Markdown";
import { RelativeTime } from "@/components/ui/RelativeTime";
import { VerificationResultList } from "@/components/task/VerificationResultList";

const LISTS = [
  ["done", "Done"],
  ["next", "Next"],
  ["dependencies", "Dependencies"],
  ["decisions", "Decisions"],
] as const;

export function CheckpointItem({ checkpoint }: { checkpoint: CheckpointView }) {
  const metrics = Object.entries(checkpoint.metrics);
  return (
    <article aria-label={`Checkpoint ${checkpoint.seq}: ${checkpoint.summary}`} className="px-3 py-3">
      <header className="flex flex-wrap items-baseline gap-x-2 gap-y-1">
        <span className="font-mono text-xs tabular-nums text-zinc-500 dark:text-zinc-400">#{checkpoint.seq}</span>
        <h3 className="min-w-0 text-sm font-medium break-words">{checkpoint.summary}</h3>
        <span className="ml-auto flex items-center gap-2 text-xs text-zinc-500 dark:text-zinc-400">
          {checkpoint.phase && <span className="rounded bg-zinc-100 px-1.5 py-0.5 font-mono text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">{checkpoint.phase}</span>}
          {checkpoint.agent && <span className="font-mono">{checkpoint.agent}</span>}
          <RelativeTime iso={checkpoint.createdAt} />
        </span>
      </header>
      {(checkpoint.progress || checkpoint.resumeFrom) && (
        <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
          {checkpoint.progress && <span className="tabular-nums">{formatProgress(checkpoint.progress)}</span>}
          {checkpoint.progress && checkpoint.resumeFrom && " · "}
          {checkpoint.resumeFrom && (
            <>
              resume at <span className="font-mono text-zinc-800 dark:text-zinc-200">{checkpoint.resumeFrom}</span>
            </>
          )}
        </p>
      )}
      <div className="mt-2 grid gap-x-4 gap-y-2 sm:grid-cols-2">
        {LISTS.filter(([field]) => checkpoint[field].length > 0).map(([field, title]) => (
          <div key={field}>
            <h4 className="text-xs font-medium text-zinc-500 dark:text-zinc-400">{title}</h4>
            <ul className="list-disc pl-4 text-xs text-zinc-700 dark:text-zinc-300">
              {checkpoint[field].map((entry, i) => (
                <li key={i} className="break-words">
                  {entry}
                </li>
              ))}
            </ul>
          </div>
        ))}
        {checkpoint.verification.length > 0 && (
          <div>
            <h4 className="text-xs font-medium text-zinc-500 dark:text-zinc-400">Verification</h4>
            <VerificationResultList steps={checkpoint.verification} />
          </div>
        )}
      </div>
      {metrics.length > 0 && (
        <dl className="mt-2 flex flex-wrap gap-1.5 text-xs">
          {metrics.map(([name, value]) => (
            <div key={name} className="flex gap-1 rounded bg-zinc-100 px-1.5 py-0.5 dark:bg-zinc-800">
              <dt className="text-zinc-600 dark:text-zinc-400">{name}</dt>
              <dd className="tabular-nums text-zinc-800 dark:text-zinc-200">{formatNumber(value)}</dd>
            </div>
          ))}
        </dl>
      )}
      {checkpoint.body && (
        <div className="mt-2 border-l-2 border-zinc-200 pl-3 dark:border-zinc-700">
          <Markdown>{checkpoint.body}</Markdown>
        </div>
      )}
    </article>
  );
}
