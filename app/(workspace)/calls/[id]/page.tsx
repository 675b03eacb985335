import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { CallDetailView } from "@/components/calls/call-detail";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/lib/trpc/server";

export const metadata: Metadata = { title: "Call" };

export default async function CallPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
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
      <CallDetailView callId={id} />
    </HydrateClient>
  );
}
