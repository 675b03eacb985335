import type { Metadata } from "next";
import { ListChecks } from "lucide-react";
import Link from "next/link";
import { CallLog } from "@/components/calls/call-log";
import { callLogPageSize } from "@/components/calls/page-sizes";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, HydrateClient, prefetch, prefetchBeforeRender, trpc } from "@/lib/trpc/server";
import { filtersFromSearchParams, parseSort } from "@/lib/call-filters";
import { usableFilterParams } from "@/lib/validation/call";
import { statusCountsFromRollup } from "@/server/services/call-log";

export const metadata: Metadata = { title: "Calls" };

export default async function CallsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const filters = usableFilterParams(filtersFromSearchParams(params));
  const sort = parseSort(params.sort);
  // The first page is rendered on the server; later pages load as the user asks for them. The status counts
  // are rendered with it when the daily rollup answers them; counting the calls themselves (other filters)
  // would hold the page back, so the browser asks for those after the first paint.
  prefetch(trpc.calls.filterOptions.queryOptions());
  await Promise.all([
    getQueryClient().prefetchInfiniteQuery(trpc.calls.list.infiniteQueryOptions({ filters, sort, limit: callLogPageSize }, { getNextPageParam: (page) => page.nextCursor })),
    statusCountsFromRollup(filters) ? prefetchBeforeRender(trpc.calls.statusCounts.queryOptions({ filters })) : null,
  ]);
  return (
    <div className="flex flex-col gap-2">
      <PageHeader
        title="Calls"
        description="Every call the voice agents placed or took. Filter, search transcripts, and open a call to review it."
        actions={
          <Link href="/calls/review" className={buttonVariants({ variant: "outline" })}>
            <ListChecks aria-hidden className="size-4" /> To review
          </Link>
        }
      />
      <HydrateClient>
        <CallLog filters={filters} sort={sort} />
      </HydrateClient>
    </div>
  );
}
