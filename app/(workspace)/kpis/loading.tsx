import { KpiTableSkeleton } from "@/components/kpis/kpi-table-skeleton";

export default function Loading() {
  return <KpiTableSkeleton />;
}
