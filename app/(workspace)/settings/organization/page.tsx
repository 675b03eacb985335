import type { Metadata } from "next";
import { OrganizationProfileForm } from "@/components/organization/organization-profile-form";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/lib/trpc/server";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationSettingsPage() {
  const user = await requireUser();
  prefetch(trpc.organization.current.queryOptions());
  const canEdit = user.role === "Admin" || user.role === "SuperAdmin";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Organization"
        description={canEdit ? "Your service center's profile, as customers and the voice agents know it." : "Your service center's profile. Only Admins can change it."}
      />
      <HydrateClient>
        <OrganizationProfileForm canEdit={canEdit} />
      </HydrateClient>
    </div>
  );
}
