"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatKpiValue } from "@/lib/kpis";

type Props = { points: { label: string; actual: number | null }[]; target: number | null; unit: string | null };

/** The weekly values against the target (loaded lazily by kpi-history.tsx). */
export function KpiHistoryChart({ points, target, unit }: Props) {
  return (
    <ResponsiveContainer width="100%" height={280}>
      <LineChart data={points} margin={{ top: 8, right: 16, bottom: 0, left: -8 }}>
        <CartesianGrid vertical={false} stroke="var(--color-border)" />
        <XAxis dataKey="label" stroke="var(--color-muted-foreground)" fontSize={12} tickLine={false} axisLine={false} />
        <YAxis stroke="var(--color-muted-foreground)" fontSize={12} tickLine={false} axisLine={false} />
        <Tooltip
          contentStyle={{ background: "var(--color-card)", border: "1px solid var(--color-border)", borderRadius: 8, color: "var(--color-foreground)", fontSize: 12 }}
          formatter={(value) => [formatKpiValue(Number(value), unit), "Actual"]}
        />
        {target !== null ? <ReferenceLine y={target} stroke="var(--color-warning)" strokeDasharray="4 4" label={{ value: "Target", fill: "var(--color-muted-foreground)", fontSize: 12, position: "insideTopRight" }} /> : null}
        <Line type="monotone" dataKey="actual" stroke="var(--color-primary)" strokeWidth={2} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}
