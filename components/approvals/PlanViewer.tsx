"use client";

import { useDeferredValue, useMemo, useState } from "react";
import type { ParsedPlan, PlanResource } from "@/lib/plan/parse-terraform-plan";
import { ACTION_ORDER, ACTION_STYLE, diffLineClass } from "@/components/approvals/plan-style";
import { PlanSummaryLine } from "@/components/approvals/PlanSummaryLine";

// Beyond this many resources, blocks start collapsed so the reviewer scans addresses first.
const COLLAPSE_ABOVE = 12;

/** `groupHeading`: one level below the heading of the approval that shows the plan. */
export function PlanViewer({ plan, text, groupHeading: GroupHeading }: { plan: ParsedPlan; text: string; groupHeading: "h2" | "h3" }) {
  const [query, setQuery] = useState("");
  // A plan too large to show resource by resource opens on its raw text.
  const [showRaw, setShowRaw] = useState(plan.resources.length === 0 && plan.notice !== null);
  const rawName = plan.format === "json" ? "plan JSON" : "full plan text";
  const deferredQuery = useDeferredValue(query.trim().toLowerCase());
  const matches = useMemo(
    () => plan.resources.filter((r) => !deferredQuery || r.address.toLowerCase().includes(deferredQuery) || r.body.some((l) => l.toLowerCase().includes(deferredQuery))),
    [plan.resources, deferredQuery],
  );
  const startOpen = plan.resources.length <= COLLAPSE_ABOVE;

  return (
    <div className="flex flex-col gap-3">
      {plan.notice && <PlanNotice notice={plan.notice} />}
      <PlanSummaryLine plan={plan} />
      {plan.destructive.length > 0 && (
        <div role="note" aria-label="Destructive changes" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800 dark:border-red-900 dark:bg-red-950/60 dark:text-red-200">
          <p className="font-semibold">
            This plan destroys {plan.destructive.length} {plan.destructive.length === 1 ? "resource" : "resources"}
          </p>
          <ul className="mt-1 flex flex-col gap-0.5 font-mono text-xs">
            {plan.destructive.map((r) => (
              <li key={`${r.line}`} className="break-all">
                {ACTION_STYLE[r.action].mark} {r.address} {r.action === "replace" ? "(replaced)" : ""}
                {r.reasons.length > 0 && <span className="text-red-700/80 dark:text-red-300/80"> — {r.reasons.join(" ")}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan.resources.length > 0 && (
        <div className="flex flex-wrap items-center gap-2">
          <input
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            placeholder="Search resources and attributes"
            aria-label="Search the plan"
            className="min-w-0 flex-1 rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm dark:border-zinc-700 dark:bg-zinc-950"
          />
          <span className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
            {matches.length} of {plan.resources.length} resources
          </span>
        </div>
      )}
      {ACTION_ORDER.map((action) => {
        const group = matches.filter((r) => r.action === action);
        if (group.length === 0) return null;
        const style = ACTION_STYLE[action];
        return (
          <section key={action} aria-label={`${style.title}: ${group.length}`} className="flex flex-col gap-1.5">
            <GroupHeading className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">
              {style.title} · {group.length}
            </GroupHeading>
            {group.map((resource) => (
              <ResourceBlock key={resource.line} resource={resource} open={startOpen || deferredQuery !== ""} />
            ))}
          </section>
        );
      })}
      {plan.outputChanges.length > 0 && (
        <section aria-label="Changes to outputs" className="flex flex-col gap-1">
          <GroupHeading className="text-xs font-semibold uppercase tracking-wide text-zinc-500 dark:text-zinc-400">Changes to outputs</GroupHeading>
          <pre className="overflow-x-auto rounded-md border border-zinc-200 bg-zinc-50 p-2 font-mono text-xs dark:border-zinc-800 dark:bg-zinc-950">
            {plan.outputChanges.map((line, index) => (
              <div key={index} className={diffLineClass(line)}>
                {line}
              </div>
            ))}
          </pre>
        </section>
      )}
      <div>
        <button type="button" onClick={() => setShowRaw((v) => !v)} className="text-xs font-medium text-zinc-600 underline-offset-2 hover:underline dark:text-zinc-400" aria-expanded={showRaw}>
          {showRaw ? `Hide the ${rawName}` : `Show the ${rawName}`}
        </button>
        {showRaw && <PlainText text={text} />}
      </div>
    </div>
  );
}

/** Why the artifact is not shown (or not wholly shown) as a plan. */
export function PlanNotice({ notice }: { notice: string }) {
  return (
    <p role="note" aria-label="About this plan" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950/60 dark:text-amber-100">
      {notice}
    </p>
  );
}

function ResourceBlock({ resource, open }: { resource: PlanResource; open: boolean }) {
  const style = ACTION_STYLE[resource.action];
  return (
    <details open={open} className={`rounded-md border ${style.tone}`} data-action={resource.action}>
      <summary className="flex cursor-pointer items-baseline gap-2 px-2.5 py-1.5 text-sm">
        <span aria-hidden className="w-3 shrink-0 text-center font-mono font-bold">
          {style.mark}
        </span>
        <span className="min-w-0 break-all font-mono text-xs font-medium">{resource.address}</span>
      </summary>
      <pre className="overflow-x-auto border-t border-inherit bg-white px-2.5 py-2 font-mono text-xs leading-5 text-zinc-800 dark:bg-zinc-950 dark:text-zinc-200">
        {resource.reasons.map((reason) => (
          <div key={reason} className="text-zinc-500 dark:text-zinc-400">
            # {reason}
          </div>
        ))}
        {resource.body.map((line, index) => (
          <div key={index} className={diffLineClass(line)}>
            {line || " "}
          </div>
        ))}
      </pre>
    </details>
  );
}

export function PlainText({ text, diff = false }: { text: string; diff?: boolean }) {
  const lines = useMemo(() => text.split(/\r?\n/), [text]);
  return (
    <pre className="mt-2 max-h-[70vh] overflow-auto rounded-md border border-zinc-200 bg-white p-2.5 font-mono text-xs leading-5 dark:border-zinc-800 dark:bg-zinc-950">
      {diff ? lines.map((line, index) => <div key={index} className={diffLineClass(line)}>{line || " "}</div>) : text}
    </pre>
  );
}
