"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { SearchX, TextSearch } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { useTRPC } from "@/lib/trpc/react";
import { searchPageSize } from "./page-sizes";
import { formatCallTime, formatDuration, offsetSeconds, outcomeLabel, statusLabel, statusVariant } from "./call-format";
import { CallFilters } from "./call-filters";
import { TranscriptSearchBox } from "./call-log";
import { SnippetText } from "./highlighted-text";
import { useCallFilters } from "./use-call-filters";

// The markers ts_headline puts around matches (see server/services/call-search.ts).
const markStart = "\uE000";
const markStop = "\uE001";

function Results({ query, filters }: { query: string; filters: Record<string, string> }) {
  const trpc = useTRPC();
  const search = useSuspenseInfiniteQuery(
    trpc.calls.search.infiniteQueryOptions({ query, filters, limit: searchPageSize }, { getNextPageParam: (page) => page.nextCursor }),
  );
  const first = search.data.pages[0];
  const results = search.data.pages.flatMap((page) => page.calls);
  const timeZone = first?.timeZone ?? "UTC";
  if (!results.length) {
    return (
      <EmptyState
        icon={<SearchX />}
        title="No transcript mentions this"
        description='Try fewer or different words, drop a -exclusion, or clear a filter. Put words in quotes to find an exact phrase, e.g. "oil change".'
      />
    );
  }
  return (
    <div className="flex flex-col gap-3">
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {first?.order === "recent" ? "A common term: the newest calls come first." : "Best matches first."}
      </p>
      <ol className="flex flex-col gap-3" aria-label="Search results">
        {results.map((result) => {
          const call = result.call;
          const callHref = `/calls/${call.id}?q=${encodeURIComponent(query)}`;
          return (
            <li key={String(result.callId)} className="rounded-lg border border-border bg-card p-4">
              <div className="flex flex-wrap items-center gap-x-3 gap-y-1">
                <Link href={`${callHref}#turn-${result.hits[0]?.turnId ?? ""}`} className="font-medium underline-offset-4 hover:underline">
                  {call.serviceRecord?.customerName ?? "Unknown caller"}
                </Link>
                <span className="text-sm text-muted-foreground tabular-nums">{call.customerNumberDisplay}</span>
                <span className="text-sm text-muted-foreground">{formatCallTime(call.startTime, timeZone)}</span>
                <span className="text-sm text-muted-foreground tabular-nums">{formatDuration(call.durationSec)}</span>
                <Badge variant={statusVariant(call.status)}>{statusLabel(call.status)}</Badge>
                {call.outcome ? <Badge variant="outline">{outcomeLabel(call.outcome)}</Badge> : null}
                <span className="ml-auto text-xs text-muted-foreground">{result.hitCount === 1 ? "1 matching turn" : `${result.hitCount} matching turns`}</span>
              </div>
              <ul className="mt-2 flex flex-col gap-1.5">
                {result.hits.map((hit) => (
                  <li key={String(hit.turnId)}>
                    <Link
                      href={`${callHref}#turn-${hit.turnId}`}
                      className="block rounded-md px-2 py-1.5 text-sm hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
                    >
                      <span className="mr-2 text-xs font-medium text-muted-foreground">
                        {hit.role === "User" ? "Customer" : hit.role === "Assistant" ? "Agent" : "Tool"} · {formatDuration(offsetSeconds(call.startTime, hit.timestamp))}
                      </span>
                      <SnippetText snippet={hit.snippet} start={markStart} stop={markStop} />
                    </Link>
                  </li>
                ))}
              </ul>
            </li>
          );
        })}
      </ol>
      {search.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="outline" onClick={() => void search.fetchNextPage()} loading={search.isFetchingNextPage}>
            More results
          </Button>
        </div>
      ) : null}
    </div>
  );
}

/** `query` and `filters` come from the server page, as parsed for its prefetch (see CallLog). */
export function TranscriptSearch({ query, filters }: { query: string; filters: Record<string, string> }) {
  const { filters: urlFilters, update } = useCallFilters();
  const valid = query.length >= 2 && query.length <= 200;
  return (
    <div className="flex flex-col gap-4">
      <TranscriptSearchBox key={query} initial={query} filters={filters} />
      <CallFilters filters={urlFilters} onChange={update} showSort={false} />
      {valid ? (
        <Results query={query} filters={filters} />
      ) : (
        <EmptyState
          icon={<TextSearch />}
          title="Search what was said on calls"
          description='Type at least 2 characters. Quotes find a phrase ("oil change"), a minus leaves a word out (brakes -rotor).'
        />
      )}
    </div>
  );
}
