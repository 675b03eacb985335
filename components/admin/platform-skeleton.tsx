import { Skeleton } from "@/components/ui/skeleton";

// Its own module: the loading boundary renders it without loading the platform view.
export function PlatformSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the platform figures" className="flex flex-col gap-6">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-9 w-96 max-w-full" />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, index) => (
          <Skeleton key={index} className="h-24" />
        ))}
      </div>
      <Skeleton className="h-72 w-full" />
    </div>
  );
}
