import { ColumnChart } from "@/components/charts/column-chart";
import { longDay, shortDay } from "@/components/charts/format";

type Props = { name: string; days: { day: string; own: number; othersAverage: number | null }[] };

/** The organization's calls by day as bars, the others' average per organization as a line. */
export function ComparisonChart({ name, days }: Props) {
  return (
    <ColumnChart
      label={`Bar chart of ${name}'s calls per day over ${days.length} days, with a line for the average of the other organizations`}
      categories={days.map((day) => ({ key: day.day, label: shortDay(day.day), title: longDay(day.day) }))}
      values={days.map((day) => ({ own: day.own, others: day.othersAverage }))}
      bars={[{ key: "own", label: name, color: "var(--color-primary)" }]}
      lines={[{ key: "others", label: "Others, average per organization", color: "var(--color-warning)" }]}
      format="decimal"
      integerAxis
      height={220}
      dots={days.length <= 31}
      categoryHeader="Day"
      tableCaption="Calls per day"
    />
  );
}
