"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatNumber } from "@/lib/format";

// Colors come from the theme's CSS variables, so the charts follow light and dark.
export const statusColors: Record<string, string> = {
  completed: "var(--color-primary)",
  no_answer: "var(--color-muted-foreground)",
  busy: "var(--color-warning)",
  voicemail: "oklch(0.62 0.15 300)",
  failed: "var(--color-destructive)",
  in_progress: "oklch(0.7 0.12 200)",
  ringing: "oklch(0.75 0.1 150)",
  queued: "var(--color-border)",
};

export const statusLabels: Record<string, string> = {
  completed: "Connected",
  no_answer: "No answer",
  busy: "Busy",
  voicemail: "Voicemail",
  failed: "Failed",
  in_progress: "In progress",
  ringing: "Ringing",
  queued: "Queued",
};

const tooltipStyle = {
  contentStyle: { background: "var(--color-card)", border: "1px solid var(--color-border)", borderRadius: 8, color: "var(--color-foreground)", fontSize: 12 },
  labelStyle: { color: "var(--color-foreground)", fontWeight: 600 },
  cursor: { fill: "var(--color-muted)" },
};

const axis = { stroke: "var(--color-muted-foreground)", fontSize: 12, tickLine: false, axisLine: false } as const;

export type CallsByDayPoint = { day: string; total: number; byStatus: Record<string, number> };

function shortDay(day: string) {
  return new Date(`${day}T12:00:00Z`).toLocaleDateString("en-US", { month: "short", day: "numeric", timeZone: "UTC" });
}

export function CallsByDayChart({ days }: { days: CallsByDayPoint[] }) {
  const statuses = Object.keys(statusColors).filter((status) => days.some((day) => day.byStatus[status]));
  const data = days.map((day) => ({ day: shortDay(day.day), ...day.byStatus }));
  return (
    <ResponsiveContainer width="100%" height={260}>
      <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }}>
        <CartesianGrid vertical={false} stroke="var(--color-border)" />
        <XAxis dataKey="day" {...axis} minTickGap={16} />
        <YAxis {...axis} allowDecimals={false} />
        <Tooltip {...tooltipStyle} formatter={(value, name) => [formatNumber(Number(value)), statusLabels[String(name)] ?? String(name)]} />
        <Legend formatter={(value: string) => <span className="text-xs text-muted-foreground">{statusLabels[value] ?? value}</span>} />
        {statuses.map((status) => (
          <Bar key={status} dataKey={status} stackId="calls" fill={statusColors[status]} isAnimationActive={false} />
        ))}
      </BarChart>
    </ResponsiveContainer>
  );
}

export function HorizontalBars({ rows, valueLabel }: { rows: { name: string; value: number }[]; valueLabel: string }) {
  return (
    <ResponsiveContainer width="100%" height={Math.max(120, rows.length * 40 + 24)}>
      <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid horizontal={false} stroke="var(--color-border)" />
        <XAxis type="number" {...axis} allowDecimals={false} />
        <YAxis type="category" dataKey="name" {...axis} width={140} />
        <Tooltip {...tooltipStyle} formatter={(value) => [formatNumber(Number(value)), valueLabel]} />
        <Bar dataKey="value" fill="var(--color-primary)" radius={[0, 4, 4, 0]} isAnimationActive={false} />
      </BarChart>
    </ResponsiveContainer>
  );
}
