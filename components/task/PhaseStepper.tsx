import { Check, CircleDashed, CircleDot, Lock, LockOpen, RotateCcw, X } from "lucide-react";
import type { PhaseView } from "@/lib/server/tasks/task-view";
import type { TaskTimeline } from "@/lib/server/timeline/load-task-timeline";
import { formatProgress } from "@/lib/format/numbers";
import { Panel } from "@/components/ui/Panel";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { VerificationResultList } from "@/components/task/VerificationResultList";

const GATE_OPEN = new Set(["active", "done", "skipped", "failed", "rolled_back"]);

export function PhaseStepper({ phases, verification }: { phases: PhaseView[]; verification: TaskTimeline["verification"] | undefined }) {
  return (
    <Panel id="phases-heading" title="Phases">
      {phases.length === 0 && <p className="text-sm text-zinc-500 dark:text-zinc-400">No phases declared.</p>}
      <ol className="flex flex-col">
        {phases.map((phase, index) => (
          <PhaseStep key={phase.key} phase={phase} last={index === phases.length - 1} results={verification?.[phase.key] ?? {}} />
        ))}
      </ol>
    </Panel>
  );
}

function PhaseStep({ phase, last, results }: { phase: PhaseView; last: boolean; results: TaskTimeline["verification"][string] }) {
  const gated = phase.requiresApproval;
  const unlocked = GATE_OPEN.has(phase.status);
  return (
    <li className="relative flex gap-3 pb-4" data-testid="phase-step" data-phase={phase.key}>
      {!last && <span aria-hidden className="absolute top-6 bottom-0 left-[11px] w-px bg-zinc-200 dark:bg-zinc-800" />}
      <StepIcon status={phase.status} />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="text-sm font-medium">{phase.name}</h3>
          <StatusBadge status={phase.status} />
          {gated && (
            <span
              className={`inline-flex items-center gap-1 text-xs ${unlocked ? "text-emerald-700 dark:text-emerald-400" : "text-amber-700 dark:text-amber-400"}`}
              title={unlocked ? "Approval gate passed" : "Needs a person's approval before it can start"}
            >
              {unlocked ? <LockOpen className="h-3.5 w-3.5" aria-hidden /> : <Lock className="h-3.5 w-3.5" aria-hidden />}
              {unlocked ? "gate approved" : "approval gate"}
            </span>
          )}
          {phase.agent && <span className="ml-auto font-mono text-xs text-zinc-500 dark:text-zinc-400">{phase.agent}</span>}
        </div>
        {phase.progress && (
          <div className="mt-1.5">
            {phase.progress.percent !== null && <ProgressBar percent={phase.progress.percent} label={`${phase.name} progress`} tone="sky" size="sm" />}
            <p className="mt-1 text-xs tabular-nums text-zinc-600 dark:text-zinc-400">{formatProgress(phase.progress)}</p>
          </div>
        )}
        {phase.resumeFrom && (
          <p className="mt-1 text-xs text-zinc-600 dark:text-zinc-400">
            Resume at <span className="font-mono text-zinc-800 dark:text-zinc-200">{phase.resumeFrom}</span>
          </p>
        )}
        {phase.completionCriteria.length > 0 && (
          <div className="mt-2">
            <h4 className="text-xs font-medium text-zinc-500 dark:text-zinc-400">Done when</h4>
            <ul className="mt-0.5 list-disc pl-4 text-xs text-zinc-700 dark:text-zinc-300">
              {phase.completionCriteria.map((criterion, i) => (
                <li key={i}>{criterion}</li>
              ))}
            </ul>
          </div>
        )}
        {phase.verification.length > 0 && (
          <div className="mt-2">
            <h4 className="text-xs font-medium text-zinc-500 dark:text-zinc-400">Verification</h4>
            <VerificationResultList
              steps={phase.verification.map((step) => ({ name: step.name, command: step.command, status: results[step.name]?.status ?? null }))}
            />
          </div>
        )}
        {phase.rollback && (
          <details className="mt-2 text-xs">
            <summary className="cursor-pointer text-zinc-500 hover:text-zinc-800 dark:text-zinc-400 dark:hover:text-zinc-200">
              <RotateCcw className="mr-1 inline h-3 w-3" aria-hidden />
              Rollback
            </summary>
            <p className="mt-1 whitespace-pre-wrap text-zinc-700 dark:text-zinc-300">{phase.rollback}</p>
          </details>
        )}
      </div>
    </li>
  );
}

function StepIcon({ status }: { status: string }) {
  const base = "relative z-10 flex h-6 w-6 shrink-0 items-center justify-center rounded-full";
  if (status === "done") return <span className={`${base} bg-emerald-500 text-white`}><Check className="h-3.5 w-3.5" aria-hidden /></span>;
  if (status === "failed") return <span className={`${base} bg-red-600 text-white`}><X className="h-3.5 w-3.5" aria-hidden /></span>;
  if (status === "active") return <span className={`${base} bg-sky-500 text-white`}><CircleDot className="h-3.5 w-3.5" aria-hidden /></span>;
  if (status === "awaiting_approval") return <span className={`${base} bg-amber-400 text-amber-950`}><Lock className="h-3.5 w-3.5" aria-hidden /></span>;
  if (status === "rolled_back") return <span className={`${base} bg-purple-500 text-white`}><RotateCcw className="h-3.5 w-3.5" aria-hidden /></span>;
  return <span className={`${base} bg-zinc-100 text-zinc-400 dark:bg-zinc-800`}><CircleDashed className="h-3.5 w-3.5" aria-hidden /></span>;
}
