import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { OrganizationDetail } from "@/components/admin/organization-detail";
import { uuidSchema } from "@/lib/validation/common";
import { HydrateClient, prefetch, trpc } from "@/lib/trpc/server";

export const metadata: Metadata = { title: "Organization" };

export default async function OrganizationPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  if (!uuidSchema.safeParse(id).success) notFound();
  prefetch(trpc.organization.byId.queryOptions({ id }));
  return (
    <HydrateClient>
      <OrganizationDetail id={id} />
    </HydrateClient>
  );
}
