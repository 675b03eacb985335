import type { Metadata } from "next";
import { IntegrationsManager } from "@/components/integrations/integrations-manager";
import { AdminOnlyNotice, isOrganizationAdmin } from "@/components/settings/admin-only";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/lib/trpc/server";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "DMS integrations" };

export default async function IntegrationsPage() {
  const user = await requireUser();
  const header = <PageHeader title="DMS integrations" description="Your dealer management systems: where service records come from." />;
  if (!isOrganizationAdmin(user)) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <AdminOnlyNotice page="DMS integrations" />
      </div>
    );
  }
  prefetch(trpc.dmsIntegration.list.queryOptions());
  return (
    <div className="flex flex-col gap-6">
      {header}
      <HydrateClient>
        <IntegrationsManager />
      </HydrateClient>
    </div>
  );
}
