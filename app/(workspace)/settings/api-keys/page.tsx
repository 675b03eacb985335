import type { Metadata } from "next";
import { ApiKeysManager } from "@/components/api-keys/api-keys-manager";
import { AdminOnlyNotice, isOrganizationAdmin } from "@/components/settings/admin-only";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/lib/trpc/server";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const user = await requireUser();
  const header = <PageHeader title="API keys" description="Keys the voice engine uses to reach this organization. Each is shown once, when it is created." />;
  if (!isOrganizationAdmin(user)) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <AdminOnlyNotice page="API keys" />
      </div>
    );
  }
  prefetch(trpc.apiKey.list.queryOptions());
  prefetch(trpc.organization.current.queryOptions());
  return (
    <div className="flex flex-col gap-6">
      {header}
      <HydrateClient>
        <ApiKeysManager />
      </HydrateClient>
    </div>
  );
}
