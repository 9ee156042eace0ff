import { CircleCheck, CircleMinus, CircleX, Circle } from "lucide-react";

type Step = { name: string; command?: string; status: "passed" | "failed" | "skipped" | null; output?: string };

const LOOK = {
  passed: { Icon: CircleCheck, className: "text-emerald-600 dark:text-emerald-400", label: "passed" },
  failed: { Icon: CircleX, className: "text-red-600 dark:text-red-400", label: "failed" },
  skipped: { Icon: CircleMinus, className: "text-zinc-500 dark:text-zinc-400", label: "skipped" },
  none: { Icon: Circle, className: "text-zinc-400 dark:text-zinc-500", label: "no result yet" },
};

export function VerificationResultList({ steps }: { steps: Step[] }) {
  return (
    <ul className="mt-0.5 flex flex-col gap-0.5 text-xs">
      {steps.map((step, i) => {
        const look = LOOK[step.status ?? "none"];
        return (
          <li key={i} className="flex min-w-0 items-start gap-1.5">
            <look.Icon className={`mt-px h-3.5 w-3.5 shrink-0 ${look.className}`} aria-label={look.label} role="img" />
            <span className="min-w-0">
              <span className="text-zinc-800 dark:text-zinc-200">{step.name}</span>
              {step.command && <code className="ml-1.5 font-mono text-[11px] break-all text-zinc-500 dark:text-zinc-400">{step.command}</code>}
              {step.output && (
                <pre tabIndex={0} className="mt-0.5 max-h-24 overflow-auto rounded bg-zinc-100 p-1.5 font-mono text-[11px] whitespace-pre-wrap text-zinc-700 dark:bg-zinc-800 dark:text-zinc-300">
                  {step.output}
                </pre>
              )}
            </span>
          </li>
        );
      })}
    </ul>
  );
}
