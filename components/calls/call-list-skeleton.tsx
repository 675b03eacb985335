import { Skeleton } from "@/components/ui/skeleton";

/** What the call log and the review queue show while they load: header, filters, status chips, rows. */
export function CallListSkeleton({ label }: { label: string }) {
  return (
    <div aria-busy="true" aria-label={label} className="flex flex-col gap-4">
      <Skeleton className="h-8 w-40" />
      <Skeleton className="h-4 w-96 max-w-full" />
      <Skeleton className="h-10 w-full max-w-md" />
      <Skeleton className="h-28 w-full" />
      <div className="flex gap-2">
        {Array.from({ length: 5 }, (_, index) => (
          <Skeleton key={index} className="h-7 w-24 rounded-full" />
        ))}
      </div>
      {Array.from({ length: 10 }, (_, index) => (
        <Skeleton key={index} className="h-12 w-full" />
      ))}
    </div>
  );
}
