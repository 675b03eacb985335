"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { Pencil } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { PageHeader } from "@/components/ui/page-header";
import { formatDateTime, formatNumber } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { campaignTypeLabels } from "@/lib/value-sets";
import type { CampaignType } from "@/lib/validation/campaign";
import { formatRate } from "./campaign-list";
import { CampaignPreview } from "./campaign-preview";
import { CampaignStatusActions } from "./campaign-status-actions";
import { CampaignStatusBadge } from "./campaign-status-badge";
import { ScheduleForm } from "./schedule-form";
import { lazyDialogPart } from "@/components/ui/lazy";

const CampaignForm = lazyDialogPart(() => import("./campaign-form").then((module) => module.CampaignForm));

/** The id stays a string in query inputs: the server prefetch dehydrates query keys as plain JSON, where a BigInt cannot go. */
export function CampaignDetail({ campaignId: idText }: { campaignId: string }) {
  const trpc = useTRPC();
  const { data: campaign } = useSuspenseQuery(trpc.campaign.byId.queryOptions({ id: idText }));
  const { data: schedule } = useSuspenseQuery(trpc.scheduleConfig.get.queryOptions({ campaignId: idText }));
  const { data: organization } = useSuspenseQuery(trpc.organization.current.queryOptions());
  const [editing, setEditing] = useState(false);
  const archived = campaign.status === "Archived";

  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title={campaign.name}
        description={campaign.description ?? campaignTypeLabels[campaign.type as CampaignType]}
        actions={
          <>
            {archived ? null : (
              <Button variant="ghost" onClick={() => setEditing(true)}>
                <Pencil aria-hidden /> Edit
              </Button>
            )}
            <CampaignStatusActions campaignId={campaign.id} name={campaign.name} allowedMoves={campaign.allowedMoves} />
          </>
        }
      >
        <nav aria-label="Breadcrumb" className="text-sm text-muted-foreground">
          <Link href="/campaigns" className="underline-offset-4 hover:underline">
            Campaigns
          </Link>{" "}
          / <span className="inline-flex items-center gap-2">{campaign.name} <CampaignStatusBadge status={campaign.status} /></span>
        </nav>
      </PageHeader>

      <Card>
        <CardHeader>
          <CardTitle>Results so far</CardTitle>
          <CardDescription>
            {campaignTypeLabels[campaign.type as CampaignType]} · created by {campaign.createdByName ?? "—"} · updated {formatDateTime(campaign.updatedAt, organization.timezone)}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
            {[
              ["Service records", formatNumber(campaign.serviceRecords)],
              ["Calls", formatNumber(campaign.calls)],
              ["Bookings", formatNumber(campaign.bookings)],
              ["Booking rate", formatRate(campaign.bookingRate)],
            ].map(([label, value]) => (
              <div key={label}>
                <dt className="text-xs text-muted-foreground">{label}</dt>
                <dd className="text-lg font-semibold tabular-nums">{value}</dd>
              </div>
            ))}
          </dl>
          <p className="mt-4 text-sm">
            <Link href={`/customers?campaignId=${campaign.id}`} className="text-primary underline-offset-4 hover:underline">
              See this campaign&apos;s customers
            </Link>
            {" · "}
            <Link href={`/customers/import?campaignId=${campaign.id}`} className="text-primary underline-offset-4 hover:underline">
              Import customers from a CSV file
            </Link>
          </p>
        </CardContent>
      </Card>

      <CampaignPreview campaignId={campaign.id} />

      <ScheduleForm
        key={String(schedule.updatedAt?.getTime() ?? "new")}
        campaignId={campaign.id}
        config={schedule.config}
        organizationTimezone={schedule.organizationTimezone}
        concurrencyLimit={schedule.concurrencyLimit}
        disabled={archived || campaign.status === "Completed"}
      />

      <Dialog open={editing} onOpenChange={setEditing}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Edit campaign</DialogTitle>
            <DialogDescription>Name, type and description.</DialogDescription>
          </DialogHeader>
          <CampaignForm campaign={campaign} onSaved={() => setEditing(false)} />
        </DialogContent>
      </Dialog>
    </div>
  );
}
