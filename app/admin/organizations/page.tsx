import type { Metadata } from "next";
import { Suspense } from "react";
import { OrganizationTable } from "@/components/admin/organization-table";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";

export const metadata: Metadata = { title: "Organizations" };

export default function OrganizationsPage() {
  return (
    <div className="flex flex-col gap-2">
      <PageHeader title="Organizations" description="Every service center on AutoPulse: plans, credit, users and activity." />
      <Suspense fallback={<Skeleton className="h-64 w-full" />}>
        <OrganizationTable />
      </Suspense>
    </div>
  );
}
