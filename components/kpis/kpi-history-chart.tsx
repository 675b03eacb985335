import { ColumnChart } from "@/components/charts/column-chart";
import { formatKpiValue } from "@/lib/kpis";

type Props = { name: string; points: { key: string; label: string; title: string; actual: number | null }[]; target: number | null; unit: string | null };

/** The weekly values as a line against the target (dashed). */
export function KpiHistoryChart({ name, points, target, unit }: Props) {
  const known = points.filter((point) => point.actual !== null);
  const latest = known.at(-1);
  const label =
    `Line chart of ${name} over ${points.length} weeks` +
    (latest ? `; latest ${formatKpiValue(latest.actual, unit)} in the week of ${latest.title}` : "") +
    (target === null ? "" : `; target ${formatKpiValue(target, unit)}`);
  return (
    <ColumnChart
      label={label}
      categories={points.map((point) => ({ key: point.key, label: point.label, title: point.title }))}
      values={points.map((point) => ({ actual: point.actual }))}
      lines={[{ key: "actual", label: "Actual", color: "var(--color-primary)", connectNulls: true }]}
      reference={target === null ? undefined : { value: target, label: "Target", color: "var(--color-warning)" }}
      format={{ kpiUnit: unit }}
      height={260}
      categoryHeader="Week"
      tableCaption={`Weekly values of ${name}`}
    />
  );
}
