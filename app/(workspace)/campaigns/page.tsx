import { Plus } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { CampaignList } from "@/components/campaigns/campaign-list";
import { campaignListParams } from "@/components/campaigns/campaign-filters";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { getQueryClient, HydrateClient, prefetchBeforeRender, trpc } from "@/lib/trpc/server";

export const metadata: Metadata = { title: "Campaigns" };

export default async function CampaignsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [organization] = await Promise.all([
    getQueryClient().fetchQuery(trpc.organization.current.queryOptions()),
    prefetchBeforeRender(trpc.campaign.list.queryOptions(campaignListParams(await searchParams))),
  ]);
  return (
    <div className="flex flex-col gap-2">
      <PageHeader
        title="Campaigns"
        description="Who the voice agents call, when, and how it goes."
        actions={
          <Button asChild>
            <Link href="/campaigns/new">
              <Plus aria-hidden /> New campaign
            </Link>
          </Button>
        }
      />
      <HydrateClient>
        <CampaignList timezone={organization.timezone} />
      </HydrateClient>
    </div>
  );
}
