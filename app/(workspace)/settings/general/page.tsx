import type { Metadata } from "next";
import { AdminOnlyNotice, isOrganizationAdmin } from "@/components/settings/admin-only";
import { GeneralSettings } from "@/components/settings/general-settings";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/lib/trpc/server";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "General settings" };

export default async function GeneralSettingsPage() {
  const user = await requireUser();
  const header = <PageHeader title="General" description="Time zone, business hours and how the voice agent calls your customers." />;
  if (!isOrganizationAdmin(user)) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <AdminOnlyNotice page="General settings" />
      </div>
    );
  }
  prefetch(trpc.setting.list.queryOptions());
  return (
    <div className="flex flex-col gap-6">
      {header}
      <HydrateClient>
        <GeneralSettings />
      </HydrateClient>
    </div>
  );
}
