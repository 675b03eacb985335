import type { Metadata } from "next";
import Link from "next/link";
import { ArrowLeft } from "lucide-react";
import { reviewQueuePageSize } from "@/components/calls/page-sizes";
import { ReviewQueue } from "@/components/calls/review-queue";
import { buttonVariants } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/lib/trpc/server";

export const metadata: Metadata = { title: "Calls to review" };

export default async function ReviewQueuePage() {
  await getQueryClient().prefetchInfiniteQuery(trpc.calls.reviewQueue.infiniteQueryOptions({ limit: reviewQueuePageSize }, { getNextPageParam: (page) => page.nextCursor }));
  return (
    <div className="flex flex-col gap-2">
      <PageHeader title="To review" description="Connected calls nobody has reviewed yet. Open one, listen, set the outcome and tags, then go on with j or “Save and next”.">
        <Link href="/calls" className={buttonVariants({ variant: "ghost", size: "sm", className: "self-start" })}>
          <ArrowLeft aria-hidden className="size-4" /> Calls
        </Link>
      </PageHeader>
      <HydrateClient>
        <ReviewQueue />
      </HydrateClient>
    </div>
  );
}
