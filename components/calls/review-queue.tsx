"use client";

import { useSuspenseInfiniteQuery } from "@tanstack/react-query";
import { PartyPopper } from "lucide-react";
import Link from "next/link";
import { Button, buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { formatNumber } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { reviewQueuePageSize } from "./page-sizes";
import { CallTable } from "./call-table";
import { listContextQuery } from "./use-call-filters";

// Matches the server's queue (calls.reviewQueue), so j/k on a call page walks the queue.
export const reviewQueueContext = listContextQuery({ reviewed: "no", status: "completed" }, "time_asc", { from: "review" });

export function ReviewQueue() {
  const trpc = useTRPC();
  const queue = useSuspenseInfiniteQuery(trpc.calls.reviewQueue.infiniteQueryOptions({ limit: reviewQueuePageSize }, { getNextPageParam: (page) => page.nextCursor }));
  const calls = queue.data.pages.flatMap((page) => page.items);
  const remaining = queue.data.pages[0]?.remaining ?? calls.length;
  const timeZone = queue.data.pages[0]?.timeZone ?? "UTC";
  if (!calls.length) {
    return (
      <EmptyState
        icon={<PartyPopper />}
        title="Nothing to review"
        description="Every connected call has been reviewed. New calls show up here as they come in."
        action={
          <Link href="/calls" className={buttonVariants({ variant: "outline" })}>
            Go to the call log
          </Link>
        }
      />
    );
  }
  const first = calls[0]!;
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-border bg-card p-4">
        <p className="text-sm">
          <span className="text-lg font-semibold tabular-nums">{formatNumber(remaining)}</span> {remaining === 1 ? "call waits" : "calls wait"} for a review, oldest first.
        </p>
        <Link href={`/calls/${first.id}${reviewQueueContext}`} className={buttonVariants({})}>
          Start with the oldest
        </Link>
      </div>
      <CallTable calls={calls} timeZone={timeZone} linkQuery={reviewQueueContext} caption="Calls to review" />
      {queue.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="outline" onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
            Load more
          </Button>
        </div>
      ) : null}
    </div>
  );
}
