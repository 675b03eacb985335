import type { Metadata } from "next";
import { ServiceRecordList } from "@/components/customers/service-record-list";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, HydrateClient, trpc } from "@/lib/trpc/server";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage() {
  const organization = await getQueryClient().fetchQuery(trpc.organization.current.queryOptions());
  return (
    <div className="flex flex-col gap-2">
      <PageHeader title="Customers" description="Service records: who the voice agents call, and what came of it." />
      <HydrateClient>
        <ServiceRecordList timezone={organization.timezone} />
      </HydrateClient>
    </div>
  );
}
