import { kpiMetricInfo } from "@/lib/kpis";
import type { KpiMetric, KpiMetricOption } from "@/lib/kpis";
import { kpiFilterSchema } from "@/lib/validation/kpi";
import type { ScopedDatabase } from "../db/scoped";
import { computeMetrics } from "./metrics";
import type { Metrics, MetricScope } from "./metrics";
import { daysBetween } from "./periods";
import type { DayRange } from "./periods";

export type KpiDefinition = {
  id: bigint;
  metric: string;
  filter: unknown;
  targetValue: { toString(): string } | null;
  higherIsBetter: boolean;
};

/** The KPI's figure out of the metrics, in the KPI's unit (rates as percentages). */
export function metricValue(metrics: Metrics, metric: KpiMetric): number | null {
  const percent = (value: number | null) => (value === null ? null : value * 100);
  switch (metric) {
    case "connect_rate":
      return percent(metrics.connectRate);
    case "booking_rate":
      return percent(metrics.bookingRate);
    case "show_rate":
      return percent(metrics.showRate);
    case "avg_duration":
      return metrics.averageDurationSec;
    case "avg_rating":
      return metrics.averageRating;
    case "calls_per_day":
      return metrics.attempted === 0 ? null : metrics.callsPerDay;
    case "cost_per_booking":
      return metrics.costPerBooking === null ? null : metrics.costPerBooking.toNumber();
  }
}

export function isMeasured(metric: string): metric is KpiMetric {
  return metric !== "manual" && metric in kpiMetricInfo;
}

export type KpiStatus = "on_target" | "off_target" | "no_target" | "no_data";

export function kpiStatus(actual: number | null, kpi: Pick<KpiDefinition, "targetValue" | "higherIsBetter">): KpiStatus {
  if (kpi.targetValue === null) return "no_target";
  if (actual === null) return "no_data";
  const target = Number(kpi.targetValue.toString());
  return (kpi.higherIsBetter ? actual >= target : actual <= target) ? "on_target" : "off_target";
}

/**
 * Actual values of many KPIs over one period: measured KPIs share one metrics query per distinct
 * filter; manual KPIs take the latest value entered for a period inside this one.
 */
export async function kpiActuals(db: ScopedDatabase, base: Omit<MetricScope, "range">, range: DayRange, kpis: KpiDefinition[]): Promise<Map<bigint, number | null>> {
  const actuals = new Map<bigint, number | null>();
  const metricsByFilter = new Map<string, Promise<Metrics>>();
  for (const kpi of kpis) {
    if (!isMeasured(kpi.metric)) continue;
    const filter = kpiFilterSchema.safeParse(kpi.filter ?? {}).data ?? {};
    const key = JSON.stringify(filter, (_key, value: unknown) => (typeof value === "bigint" ? value.toString() : value));
    if (!metricsByFilter.has(key)) {
      metricsByFilter.set(key, computeMetrics(db, { ...base, range, campaignId: filter.campaignId ?? base.campaignId, serviceType: filter.serviceType, outcome: filter.outcome }, daysBetween(range)));
    }
    actuals.set(kpi.id, metricValue(await metricsByFilter.get(key)!, kpi.metric));
  }
  const manual = kpis.filter((kpi) => !isMeasured(kpi.metric)).map((kpi) => kpi.id);
  if (manual.length) {
    const values = await db.kpiValue.findMany({
      where: { kpiId: { in: manual }, periodStart: { gte: new Date(`${range.from}T00:00:00Z`) }, periodEnd: { lte: new Date(`${range.to}T00:00:00Z`) } },
      orderBy: [{ periodEnd: "desc" }, { id: "desc" }],
      select: { kpiId: true, value: true },
    });
    for (const kpiId of manual) actuals.set(kpiId, null);
    for (const value of values.reverse()) actuals.set(value.kpiId, value.value.toNumber());
  }
  return actuals;
}

export function metricLabel(metric: string): string {
  return kpiMetricInfo[metric as KpiMetricOption]?.label ?? metric;
}
