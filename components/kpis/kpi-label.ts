import { kpiMetricInfo } from "@/lib/kpis";
import type { KpiMetricOption } from "@/lib/kpis";

export function kpiLabel(kpi: { name: string; type: string; metric: string }) {
  return kpi.type === "Core" ? (kpiMetricInfo[kpi.metric as KpiMetricOption]?.label ?? kpi.name) : kpi.name;
}
