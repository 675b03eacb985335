import type { Metadata } from "next";
import { Suspense } from "react";
import { OrganizationTable } from "@/components/admin/organization-table";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import type { PageSearchParams } from "@/lib/search-params";
import { organizationListFiltersFromParams } from "@/lib/validation/organization-list";

export const metadata: Metadata = { title: "Organizations" };

export default async function OrganizationsPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const filters = organizationListFiltersFromParams(await searchParams);
  return (
    <div className="flex flex-col gap-2">
      <PageHeader title="Organizations" description="Every service center on AutoPulse: plans, credit, users and activity." />
      <Suspense fallback={<Skeleton className="h-64 w-full" />}>
        <OrganizationTable filters={filters} />
      </Suspense>
    </div>
  );
}
