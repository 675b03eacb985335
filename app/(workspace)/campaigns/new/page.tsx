import type { Metadata } from "next";
import Link from "next/link";
import { CampaignForm } from "@/components/campaigns/campaign-form";
import { Card, CardContent } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";

export const metadata: Metadata = { title: "New campaign" };

export default function NewCampaignPage() {
  return (
    <div className="mx-auto flex w-full max-w-2xl flex-col gap-2">
      <PageHeader title="New campaign" description="Start with a name and a type; the schedule and the customers come next.">
        <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
          <Link href="/campaigns" className="underline-offset-4 hover:underline">
            Campaigns
          </Link>{" "}
          / New
        </nav>
      </PageHeader>
      <Card>
        <CardContent className="pt-6">
          <CampaignForm />
        </CardContent>
      </Card>
    </div>
  );
}
