"use client";
// Burn-up: each phase's progress (percent of its total) over time, with the ETA projection dashed.
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TaskTimeline } from "@/lib/server/timeline/load-task-timeline";
import type { PhaseView } from "@/lib/schemas/phase";
import type { Eta } from "@/lib/format/eta";
import { SERIES_COLORS, formatTick, formatTooltipTime } from "@/components/charts/palette";

type Point = { t: number; percent: number };

export function BurnUpChart({
  series,
  phases,
  projection,
}: {
  series: TaskTimeline["progress"];
  phases: PhaseView[];
  projection: { phase: string; eta: Eta } | null;
}) {
  const names = new Map(phases.map((phase) => [phase.key, phase.name]));
  const lines = series
    .map((s) => ({
      key: s.phase ?? "",
      name: s.phase ? (names.get(s.phase) ?? s.phase) : "task",
      points: s.points.filter((p) => p.total).map((p): Point => ({ t: Date.parse(p.at), percent: Math.round((p.current / p.total!) * 1000) / 10 })),
    }))
    .filter((line) => line.points.length > 0);
  if (lines.length === 0) {
    return <p className="text-sm text-zinc-500 dark:text-zinc-400">No progress with a total reported yet; the burn-up appears with the first one.</p>;
  }
  const projected = projection && lines.find((line) => line.key === projection.phase);
  const last = projected?.points.at(-1);
  const projectionPoints: Point[] | null = last && projection ? [last, { t: projection.eta.etaAt, percent: 100 }] : null;
  return (
    <div className="h-56" role="img" aria-label={`Burn-up chart of ${lines.map((l) => l.name).join(", ")}${projection ? `; ${projection.eta.label}` : ""}`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart margin={{ top: 8, right: 12, bottom: 0, left: -16 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="currentColor" strokeOpacity={0.12} />
          <XAxis dataKey="t" type="number" scale="time" domain={["dataMin", "dataMax"]} tickFormatter={formatTick} tick={{ fontSize: 11 }} stroke="currentColor" strokeOpacity={0.4} />
          <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 11 }} stroke="currentColor" strokeOpacity={0.4} />
          <Tooltip labelFormatter={formatTooltipTime} formatter={(value) => [`${value}%`]} contentStyle={{ fontSize: 12 }} />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          {lines.map((line, i) => (
            <Line key={line.key} data={line.points} dataKey="percent" name={line.name} type="monotone" dot={false} strokeWidth={2} stroke={SERIES_COLORS[i % SERIES_COLORS.length]} isAnimationActive={false} />
          ))}
          {projectionPoints && (
            <Line data={projectionPoints} dataKey="percent" name="ETA projection" strokeDasharray="5 4" dot={false} stroke="#94a3b8" strokeWidth={1.5} isAnimationActive={false} />
          )}
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
