"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Megaphone, Plus } from "lucide-react";
import Link from "next/link";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { ErrorState } from "@/components/ui/error-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatNumber } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { campaignTypeLabels } from "@/lib/value-sets";
import type { CampaignType } from "@/lib/validation/campaign";
import { campaignStatuses } from "@/lib/value-sets";
import { campaignListParams } from "./campaign-filters";
import { CampaignStatusBadge } from "./campaign-status-badge";
import { useUrlFilters } from "./use-url-filters";

const sortOptions = [
  { value: "updated:desc", label: "Recently updated" },
  { value: "created:desc", label: "Newest" },
  { value: "name:asc", label: "Name A–Z" },
  { value: "bookingRate:desc", label: "Best booking rate" },
] as const;

export function formatRate(rate: number | null): string {
  return rate === null ? "—" : `${(rate * 100).toFixed(rate < 0.1 ? 1 : 0)}%`;
}

export function CampaignList({ timezone }: { timezone: string }) {
  const trpc = useTRPC();
  const { params, setParams } = useUrlFilters();
  const input = campaignListParams(params);
  const [search, setSearch] = useState(params.q ?? "");
  const query = useQuery({ ...trpc.campaign.list.queryOptions(input), placeholderData: keepPreviousData });

  useEffect(() => {
    const handle = setTimeout(() => {
      if ((params.q ?? "") !== search.trim()) setParams({ q: search.trim() });
    }, 300);
    return () => clearTimeout(handle);
  }, [search, params.q, setParams]);

  const filtered = Boolean(input.status || input.search);
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-3 sm:grid-cols-[1fr_12rem_12rem]">
        <div className="grid gap-1.5">
          <Label htmlFor="campaign-search">Search</Label>
          <Input id="campaign-search" type="search" placeholder="Campaign name" value={search} onChange={(event) => setSearch(event.target.value)} />
        </div>
        <FilterSelect
          id="campaign-status"
          label="Status"
          value={input.status}
          onChange={(status) => setParams({ status: status ?? null })}
          anyLabel="All statuses"
          options={campaignStatuses.map((status) => ({ value: status, label: status }))}
          triggerClassName="w-full"
        />
        <FilterSelect
          id="campaign-sort"
          label="Sort by"
          value={`${input.sort}:${input.direction}`}
          onChange={(value) => {
            const [sort, direction] = (value ?? "").split(":");
            setParams({ sort, direction });
          }}
          options={sortOptions}
          triggerClassName="w-full"
        />
      </div>

      {query.isError ? (
        <ErrorState message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : !query.data ? (
        <Skeleton className="h-64 w-full" />
      ) : query.data.length === 0 ? (
        <EmptyState
          icon={<Megaphone />}
          title={filtered ? "No campaign matches these filters" : "No campaigns yet"}
          description={filtered ? "Clear the search or choose another status." : "Create a campaign, give it a calling schedule and import the customers to call."}
          action={
            filtered ? (
              <Button variant="outline" onClick={() => { setSearch(""); setParams({ q: null, status: null }); }}>
                Clear filters
              </Button>
            ) : (
              <Button asChild>
                <Link href="/campaigns/new">
                  <Plus aria-hidden /> New campaign
                </Link>
              </Button>
            )
          }
        />
      ) : (
        <Table aria-label="Campaigns" aria-busy={query.isFetching || undefined}>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="text-right">Service records</TableHead>
              <TableHead className="text-right">Calls</TableHead>
              <TableHead className="text-right">Bookings</TableHead>
              <TableHead className="text-right">Booking rate</TableHead>
              <TableHead>Created by</TableHead>
              <TableHead>Updated</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {query.data.map((campaign) => (
              <TableRow key={String(campaign.id)}>
                <TableCell className="max-w-64">
                  <Link href={`/campaigns/${campaign.id}`} className="font-medium text-foreground underline-offset-4 hover:underline">
                    {campaign.name}
                  </Link>
                  <span className="block text-xs text-muted-foreground">{campaignTypeLabels[campaign.type as CampaignType] ?? campaign.type}</span>
                </TableCell>
                <TableCell>
                  <CampaignStatusBadge status={campaign.status} />
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatNumber(campaign.serviceRecords)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatNumber(campaign.calls)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatNumber(campaign.bookings)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatRate(campaign.bookingRate)}</TableCell>
                <TableCell className="whitespace-nowrap">{campaign.createdByName ?? "—"}</TableCell>
                <TableCell className="whitespace-nowrap">{formatDateTime(campaign.updatedAt, timezone)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
