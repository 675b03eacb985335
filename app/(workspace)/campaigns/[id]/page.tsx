import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CampaignDetail } from "@/components/campaigns/campaign-detail";
import { HydrateClient, getQueryClient, prefetch, trpc } from "@/lib/trpc/server";
import { idSchema } from "@/lib/validation/common";

export const metadata: Metadata = { title: "Campaign" };

export default async function CampaignPage({ params }: { params: Promise<{ id: string }> }) {
  const parsed = idSchema.safeParse((await params).id);
  if (!parsed.success) notFound();
  const id = parsed.data;
  // A campaign of another organization is NOT_FOUND from the procedure: show the 404 page.
  const found = await getQueryClient()
    .fetchQuery(trpc.campaign.byId.queryOptions({ id: String(id) }))
    .then(() => true)
    .catch(() => false);
  if (!found) notFound();
  prefetch(trpc.scheduleConfig.get.queryOptions({ campaignId: String(id) }));
  prefetch(trpc.organization.current.queryOptions());
  return (
    <HydrateClient>
      <CampaignDetail campaignId={String(id)} />
    </HydrateClient>
  );
}
