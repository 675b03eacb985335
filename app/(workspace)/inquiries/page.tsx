import type { Metadata } from "next";
import { InquiryInbox } from "@/components/inquiries/inquiry-inbox";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/lib/trpc/server";

export const metadata: Metadata = { title: "Inquiries" };

export default async function InquiriesPage() {
  const organization = await getQueryClient().fetchQuery(trpc.organization.current.queryOptions());
  return (
    <div className="flex flex-col gap-2">
      <PageHeader title="Inquiries" description="Questions from customers, waiting for an answer." />
      <HydrateClient>
        <InquiryInbox timezone={organization.timezone} />
      </HydrateClient>
    </div>
  );
}
