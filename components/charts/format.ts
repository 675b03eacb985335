import { formatNumber } from "@/lib/format";
import { formatKpiValue } from "@/lib/kpis";
import { dateTimeFormat, numberFormat } from "@/lib/intl";

/** How a chart writes its values: whole counts, averages to one decimal, or a KPI in its unit. */
export type ValueFormat = "count" | "decimal" | { kpiUnit: string | null };

const compact = numberFormat({ notation: "compact", maximumFractionDigits: 1 });
const upToTwoDecimals = numberFormat({ maximumFractionDigits: 2 });
const oneDecimal = numberFormat({ maximumFractionDigits: 1 });
const dayShort = dateTimeFormat({ month: "short", day: "numeric", timeZone: "UTC" });
const dayLong = dateTimeFormat({ weekday: "short", month: "short", day: "numeric", year: "numeric", timeZone: "UTC" });

/** A value in a tooltip or the data table. */
export function formatChartValue(value: number | null, format: ValueFormat): string {
  if (value === null) return "—";
  if (format === "count") return formatNumber(value);
  if (format === "decimal") return oneDecimal.format(value);
  return formatKpiValue(value, format.kpiUnit);
}

/** The ticks of an axis, short ("12K", "40%", "$5") so that they fit beside the plot on a phone; compact for all or none. */
export function formatTicks(ticks: number[], format: ValueFormat): string[] {
  const useCompact = ticks.some((tick) => Math.abs(tick) >= 10_000);
  return ticks.map((tick) => {
    const number = useCompact ? compact.format(tick) : upToTwoDecimals.format(tick);
    if (typeof format === "string") return number;
    if (format.kpiUnit === "%") return `${number}%`;
    if (format.kpiUnit === "$") return `$${number}`;
    if (format.kpiUnit === "s") return formatKpiValue(tick, "s");
    return number;
  });
}

/** A calendar day ("2026-11-03") under an axis: "Nov 3". */
export function shortDay(day: string): string {
  return dayShort.format(new Date(`${day}T12:00:00Z`));
}

/** A calendar day in a tooltip or table: "Tue, Nov 3, 2026". */
export function longDay(day: string): string {
  return dayLong.format(new Date(`${day}T12:00:00Z`));
}
