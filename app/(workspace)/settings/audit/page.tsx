import type { Metadata } from "next";
import { Suspense } from "react";
import { AuditLogTable } from "@/components/audit/audit-log-table";
import { AdminOnlyNotice, isOrganizationAdmin } from "@/components/settings/admin-only";
import { PageHeader } from "@/components/ui/page-header";
import type { PageSearchParams } from "@/lib/search-params";
import { auditLogFiltersFromParams } from "@/lib/validation/audit-log";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Audit log" };

export default async function AuditLogPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const user = await requireUser();
  const header = <PageHeader title="Audit log" description="Every change to your organization's data: who did what, when, and what it was before." />;
  if (!isOrganizationAdmin(user)) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <AdminOnlyNotice page="The audit log and its exports" />
      </div>
    );
  }
  const { values, problem } = auditLogFiltersFromParams(await searchParams);
  return (
    <div className="flex flex-col gap-6">
      {header}
      <Suspense>
        <AuditLogTable filters={values} problem={problem} />
      </Suspense>
    </div>
  );
}
