import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { CallDetailView } from "@/components/calls/call-detail";
import { filtersFromSearchParams, parseSort } from "@/lib/call-filters";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/lib/trpc/server";
import { usableFilterParams } from "@/lib/validation/call";

export const metadata: Metadata = { title: "Call" };

export default async function CallPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  // The list the call was opened from, for j/k (calls.neighbors).
  const listParams = await searchParams;
  const filters = usableFilterParams(filtersFromSearchParams(listParams));
  const sort = parseSort(listParams.sort);
  if (!/^\d{1,19}$/.test(id)) notFound();
  prefetch(trpc.calls.filterOptions.queryOptions());
  try {
    await getQueryClient().fetchQuery(trpc.calls.byId.queryOptions({ id }));
  } catch (error) {
    if (error instanceof TRPCError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  return (
    <HydrateClient>
      <CallDetailView callId={id} filters={filters} sort={sort} />
    </HydrateClient>
  );
}
