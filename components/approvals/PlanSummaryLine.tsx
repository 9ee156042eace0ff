import type { ParsedPlan } from "@/lib/plan/parse-terraform-plan";

/** `Plan: X to add, Y to change, Z to destroy.` as Terraform printed it, with coloured counts. */
export function PlanSummaryLine({ plan }: { plan: ParsedPlan }) {
  if (plan.noChanges) return <p className="text-sm font-medium">No changes. The infrastructure matches the configuration.</p>;
  if (!plan.summary) return <p className="text-sm text-amber-700 dark:text-amber-400">The plan text has no “Plan:” summary line; it may be truncated.</p>;
  const { add, change, destroy } = plan.summary;
  return (
    <p aria-label={plan.summaryLine ?? undefined} className="flex flex-wrap items-baseline gap-x-3 gap-y-1 rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 text-sm dark:border-zinc-800 dark:bg-zinc-950">
      <span className="font-mono text-xs text-zinc-600 dark:text-zinc-400">{plan.summaryLine}</span>
      <span className="font-semibold text-emerald-700 dark:text-emerald-400">+{add} add</span>
      <span className="font-semibold text-amber-700 dark:text-amber-400">~{change} change</span>
      <span className={`font-semibold ${destroy > 0 ? "text-red-700 dark:text-red-400" : "text-zinc-500"}`}>−{destroy} destroy</span>
    </p>
  );
}
