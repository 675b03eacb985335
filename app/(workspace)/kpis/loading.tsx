import { KpiTableSkeleton } from "@/components/kpis/kpi-table";

export default function Loading() {
  return <KpiTableSkeleton />;
}
