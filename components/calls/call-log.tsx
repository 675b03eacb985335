"use client";

import { useQuery, useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { PhoneCall, Search } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { formatNumber } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { callLogPageSize } from "./page-sizes";
import { callStatuses } from "@/lib/value-sets";
import { statusLabel } from "./call-format";
import { CallFilters } from "./call-filters";
import { CallTable } from "./call-table";
import { listContextQuery, useCallFilters } from "./use-call-filters";
import type { CallSort } from "@/lib/call-filters";


function StatusCounts({ filters, active, onSelect }: { filters: Record<string, string>; active: string | undefined; onSelect: (status: string | null) => void }) {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.calls.statusCounts.queryOptions({ filters }));
  const chip = (value: string | null, label: string, count: number | undefined) => {
    const selected = (active ?? null) === value;
    return (
      <button
        key={value ?? "all"}
        type="button"
        aria-pressed={selected}
        onClick={() => onSelect(value)}
        className={
          "inline-flex items-center gap-1.5 rounded-full border px-3 py-1 text-sm transition-colors focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none " +
          (selected ? "border-primary bg-primary text-primary-foreground" : "border-border bg-card hover:bg-accent")
        }
      >
        {label}
        <span className={"tabular-nums " + (selected ? "" : "text-muted-foreground")}>{count === undefined ? "…" : formatNumber(count)}</span>
      </button>
    );
  };
  return (
    <div role="group" aria-label="Calls by status" className="flex flex-wrap gap-2">
      {chip(null, "All", data?.total)}
      {callStatuses.filter((status) => data?.byStatus[status] || active === status).map((status) => chip(status, statusLabel(status), data?.byStatus[status] ?? 0))}
    </div>
  );
}

export function TranscriptSearchBox({ initial = "", filters }: { initial?: string; filters: Record<string, string> }) {
  const router = useRouter();
  const [query, setQuery] = useState(initial);
  return (
    <form
      role="search"
      className="flex w-full gap-2 sm:max-w-md"
      onSubmit={(event) => {
        event.preventDefault();
        if (query.trim().length < 2) return;
        router.push(`/calls/search${listContextQuery(filters, "time_desc", { q: query.trim() })}`);
      }}
    >
      <label htmlFor="transcript-search" className="sr-only">
        Search transcripts
      </label>
      <Input id="transcript-search" type="search" value={query} onChange={(event) => setQuery(event.target.value)} placeholder='Search transcripts, e.g. "oil change" -recall' className="min-w-0" />
      <Button type="submit" variant="secondary" disabled={query.trim().length < 2}>
        <Search aria-hidden className="size-4" /> Search
      </Button>
    </form>
  );
}

/**
 * `filters` and `sort` come from the server page, which parsed the URL for its prefetch: the query key stays
 * the prefetched one (and zod stays out of the browser). A filter change replaces the URL, which renders them anew.
 */
export function CallLog({ filters, sort }: { filters: Record<string, string>; sort: CallSort }) {
  const trpc = useTRPC();
  const { filters: urlFilters, update } = useCallFilters();
  const list = useSuspenseInfiniteQuery(
    trpc.calls.list.infiniteQueryOptions({ filters, sort, limit: callLogPageSize }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const calls = list.data.pages.flatMap((page) => page.items);
  const timeZone = list.data.pages[0]?.timeZone ?? "UTC";
  const filtered = Object.keys(urlFilters).length > 0;

  return (
    <div className="flex flex-col gap-4">
      <TranscriptSearchBox filters={filters} />
      <CallFilters filters={urlFilters} sort={sort} onChange={update} />
      <StatusCounts filters={filters} active={urlFilters.status} onSelect={(status) => update({ status })} />
      {calls.length === 0 ? (
        <EmptyState
          icon={<PhoneCall />}
          title={filtered ? "No calls match these filters" : "No calls yet"}
          description={filtered ? "Widen the date range or clear a filter to see more calls." : "Calls appear here as soon as the voice agents place or take them. Start a campaign to place the first calls."}
          action={filtered ? <Button variant="outline" onClick={() => update(Object.fromEntries(Object.keys(urlFilters).map((key) => [key, null])))}>Clear filters</Button> : undefined}
        />
      ) : (
        <>
          <CallTable calls={calls} timeZone={timeZone} linkQuery={listContextQuery(filters, sort)} caption="Calls" />
          <div className="flex flex-col items-center gap-2 py-2">
            <p className="text-sm text-muted-foreground" aria-live="polite">
              Showing {formatNumber(calls.length)} {calls.length === 1 ? "call" : "calls"}. Times in {timeZone.replace(/_/g, " ")}.
            </p>
            {list.hasNextPage ? (
              <Button variant="outline" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                Load more calls
              </Button>
            ) : null}
          </div>
        </>
      )}
    </div>
  );
}
