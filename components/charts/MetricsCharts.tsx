"use client";
// Small multiples: one area chart per checkpoint metric (tokens, costUsd, rates …), each on its own scale.
import { Area, AreaChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TaskTimeline } from "@/lib/server/timeline/load-task-timeline";
import { formatNumber } from "@/lib/format/numbers";
import { SERIES_COLORS, formatTick, formatTooltipTime } from "@/components/charts/palette";

const MAX_METRICS = 6;

export function MetricsCharts({ metrics }: { metrics: TaskTimeline["metrics"] }) {
  if (metrics.points.length === 0) {
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">No metrics yet. Checkpoints may carry <code className="font-mono">metrics</code> such as tokens, costUsd or recordsPerSec.</p>;
  }
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      {metrics.names.slice(0, MAX_METRICS).map((name, i) => {
        const data = metrics.points.filter((p) => name in p.values).map((p) => ({ t: Date.parse(p.at), value: p.values[name] }));
        const latest = data.at(-1)?.value;
        const color = SERIES_COLORS[i % SERIES_COLORS.length];
        return (
          <figure key={name} className="min-w-0">
            <figcaption className="flex items-baseline justify-between text-xs">
              <span className="font-mono text-zinc-600 dark:text-zinc-400">{name}</span>
              {latest !== undefined && <span className="font-medium tabular-nums">{formatNumber(latest)}</span>}
            </figcaption>
            <div className="h-20" role="img" aria-label={`${name} over time, latest ${latest === undefined ? "none" : formatNumber(latest)}`}>
              <ResponsiveContainer width="100%" height="100%">
                <AreaChart data={data} margin={{ top: 4, right: 4, bottom: 0, left: 4 }}>
                  <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} hide tickFormatter={formatTick} />
                  <YAxis hide domain={["auto", "auto"]} />
                  <Tooltip labelFormatter={formatTooltipTime} formatter={(value) => [formatNumber(Number(value)), name]} contentStyle={{ fontSize: 12 }} />
                  <Area dataKey="value" type="monotone" stroke={color} fill={color} fillOpacity={0.15} strokeWidth={1.5} isAnimationActive={false} />
                </AreaChart>
              </ResponsiveContainer>
            </div>
          </figure>
        );
      })}
    </div>
  );
}
