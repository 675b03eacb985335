"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

const tooltipStyle = {
  contentStyle: { background: "var(--color-card)", border: "1px solid var(--color-border)", borderRadius: 8, color: "var(--color-foreground)", fontSize: 12 },
  labelStyle: { color: "var(--color-foreground)", fontWeight: 600 },
  cursor: { fill: "var(--color-muted)" },
};
const axis = { stroke: "var(--color-muted-foreground)", fontSize: 12, tickLine: false, axisLine: false } as const;

type Props = { name: string; data: { day: string; own: number; others: number | null }[]; dots: boolean; formatValue: (value: number | null) => string };

/** The organization's calls by day as bars, the others' average as a line (loaded lazily by platform-comparison.tsx). */
export function ComparisonChart({ name, data, dots, formatValue }: Props) {
  return (
    <ResponsiveContainer width="100%" height={240}>
      <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke="var(--color-border)" />
        <XAxis dataKey="day" {...axis} minTickGap={16} />
        <YAxis {...axis} allowDecimals={false} />
        <Tooltip {...tooltipStyle} formatter={(value, label) => [formatValue(value === null || value === undefined ? null : Number(value)), String(label)]} />
        <Legend formatter={(value: string) => <span className="text-xs text-muted-foreground">{value}</span>} />
        <Bar dataKey="own" name={name} fill="var(--color-primary)" radius={[3, 3, 0, 0]} isAnimationActive={false} />
        <Line dataKey="others" name="Others, average per organization" type="monotone" stroke="var(--color-warning)" strokeWidth={2} dot={dots} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
