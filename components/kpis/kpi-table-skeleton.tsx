import { Skeleton } from "@/components/ui/skeleton";

// Its own module: the KPI pages' loading boundary renders it without loading the table and its forms.
export function KpiTableSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading KPIs" className="flex flex-col gap-6">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-9 w-96 max-w-full" />
      <Skeleton className="h-96 w-full" />
    </div>
  );
}
