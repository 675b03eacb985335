import { ColumnChart } from "@/components/charts/column-chart";
import { longDay, shortDay } from "@/components/charts/format";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
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
  queued: "oklch(0.72 0.04 250)",
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

export type CallsByDayPoint = { day: string; total: number; byStatus: Record<string, number> };

/** Calls per day, stacked by how each call ended (only the statuses that occur). */
export function CallsByDayChart({ days }: { days: CallsByDayPoint[] }) {
  const statuses = Object.keys(statusColors).filter((status) => days.some((day) => day.byStatus[status]));
  const total = days.reduce((sum, day) => sum + day.total, 0);
  const busiest = days.reduce<CallsByDayPoint | undefined>((best, day) => (!best || day.total > best.total ? day : best), undefined);
  const label =
    `Stacked bar chart of calls per day, ${days.length} days, ${formatNumber(total)} calls in all` +
    (busiest && busiest.total > 0 ? `; busiest ${shortDay(busiest.day)} with ${formatNumber(busiest.total)}` : "");
  return (
    <ColumnChart
      label={label}
      categories={days.map((day) => ({ key: day.day, label: shortDay(day.day), title: longDay(day.day) }))}
      values={days.map((day) => day.byStatus)}
      bars={statuses.map((status) => ({ key: status, label: statusLabels[status] ?? status, color: statusColors[status]! }))}
      format="count"
      height={240}
      categoryHeader="Day"
      tableCaption="Calls by day and how they ended"
      totalLabel="Calls"
    />
  );
}

type Bars = { rows: { name: string; value: number }[]; valueLabel: string; title: string; nameHeader: string };

export function HorizontalBars({ rows, valueLabel, title, nameHeader }: Bars) {
  const label = `Bar chart of ${title.toLowerCase()}: ${rows.map((row) => `${row.name} ${formatNumber(row.value)}`).join(", ")}`;
  return <HorizontalBarChart label={label} rows={rows} valueLabel={valueLabel} nameHeader={nameHeader} tableCaption={title} />;
}
