import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { searchPageSize } from "@/components/calls/page-sizes";
import { TranscriptSearch } from "@/components/calls/search-results";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/lib/trpc/server";
import { filtersFromSearchParams } from "@/lib/call-filters";
import { usableFilterParams } from "@/lib/validation/call";

export const metadata: Metadata = { title: "Search transcripts" };

export default async function CallSearchPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const filters = usableFilterParams(filtersFromSearchParams(params));
  const query = (typeof params.q === "string" ? params.q : "").trim();
  prefetch(trpc.calls.filterOptions.queryOptions());
  if (query.length >= 2 && query.length <= 200) {
    await getQueryClient().prefetchInfiniteQuery(
      trpc.calls.search.infiniteQueryOptions({ query, filters, limit: searchPageSize }, { getNextPageParam: (page) => page.nextCursor }),
    );
  }
  return (
    <div className="flex flex-col gap-2">
      <PageHeader title="Search transcripts" description="Everything customers and agents said on your organization's calls.">
        <Link href="/calls" className={buttonVariants({ variant: "ghost", size: "sm", className: "self-start" })}>
          <ArrowLeft aria-hidden className="size-4" /> Calls
        </Link>
      </PageHeader>
      <HydrateClient>
        <TranscriptSearch query={query} filters={filters} />
      </HydrateClient>
    </div>
  );
}
