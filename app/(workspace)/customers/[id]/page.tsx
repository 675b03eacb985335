import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ServiceRecordDetail } from "@/components/customers/service-record-detail";
import { getQueryClient, HydrateClient, prefetch, trpc } from "@/lib/trpc/server";
import { idSchema } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const found = await getQueryClient()
    .fetchQuery(trpc.serviceRecord.byId.queryOptions({ id: String(parsed.data) }))
    .then(() => true)
    .catch(() => false);
  if (!found) notFound();
  prefetch(trpc.organization.current.queryOptions());
  return (
    <HydrateClient>
      <ServiceRecordDetail recordId={String(parsed.data)} />
    </HydrateClient>
  );
}
