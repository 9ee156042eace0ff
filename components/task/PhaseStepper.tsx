import { Check, CheckCheck, CircleDashed, CircleDot, Lock, LockOpen, RotateCcw, X, type LucideIcon } from "lucide-react";
import type { GateState, PhaseView } from "@/lib/schemas/phase";
import type { TaskTimeline } from "@/lib/server/timeline/load-task-timeline";
import { formatProgress } from "@/lib/format/numbers";
import { Panel } from "@/components/ui/Panel";
import { ProgressBar } from "@/components/ui/ProgressBar";
import { StatusBadge } from "@/components/ui/StatusBadge";
import { VerificationResultList } from "@/components/task/VerificationResultList";

/** How each gate state the server computed reads; `none` shows nothing. */
const GATE_BADGES: Record<Exclude<GateState, "none">, { label: string; title: string; Icon: LucideIcon; className: string }> = {
  required: { label: "approval gate", title: "Needs a person's approval before it can start", Icon: Lock, className: "text-amber-700 dark:text-amber-400" },
  pending: { label: "awaiting approval", title: "A person has been asked to review this phase", Icon: Lock, className: "text-amber-700 dark:text-amber-400" },
  approved: { label: "gate approved", title: "Approved: the phase may start once", Icon: LockOpen, className: "text-emerald-700 dark:text-emerald-400" },
  rejected: { label: "approval rejected", title: "Rejected or expired: the agent must ask again", Icon: X, className: "text-red-700 dark:text-red-400" },
  consumed: { label: "approval used", title: "The approval opened this phase once; starting it again needs a new approval", Icon: CheckCheck, className: "text-zinc-600 dark:text-zinc-400" },
};

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
  return (
    <li className="relative flex gap-3 pb-4" data-testid="phase-step" data-phase={phase.key}>
      {!last && <span aria-hidden className="absolute top-6 bottom-0 left-[11px] w-px bg-zinc-200 dark:bg-zinc-800" />}
      <StepIcon status={phase.status} />
      <div className="min-w-0 flex-1">
        <div className="flex flex-wrap items-center gap-2">
          <h3 className="text-sm font-medium">{phase.name}</h3>
          <StatusBadge status={phase.status} />
          <GateBadge gate={phase.gate} />
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

function GateBadge({ gate }: { gate: GateState }) {
  if (gate === "none") return null;
  const { label, title, Icon, className } = GATE_BADGES[gate];
  return (
    <span className={`inline-flex items-center gap-1 text-xs ${className}`} title={title} data-testid="phase-gate" data-gate={gate}>
      <Icon className="h-3.5 w-3.5" aria-hidden />
      {label}
    </span>
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
