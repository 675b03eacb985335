"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ArrowDownRight, ArrowUpRight, Inbox, PhoneOff } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import type { ReactNode } from "react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDateTime, formatDuration, formatMoney, formatNumber, formatPercent } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { dashboardInputFromParams } from "@/lib/period";
import { formatRange, PeriodToolbar } from "@/components/period/period-toolbar";
import { CallsByDayChart, HorizontalBars } from "./charts";

type Trend = { current: number | null; previous: number | null; kind: "rate" | "count" | "seconds" | "rating" };

function TrendNote({ current, previous, kind }: Trend) {
  if (current === null || previous === null) return <span className="text-xs text-muted-foreground">No earlier figure</span>;
  const change = current - previous;
  const negligible = kind === "rating" ? 0.05 : kind === "rate" ? 0.0005 : 0.5;
  if (Math.abs(change) < negligible) return <span className="text-xs text-muted-foreground">Same as before</span>;
  const text =
    kind === "rate"
      ? `${Math.abs(change * 100).toFixed(1)} pts`
      : kind === "seconds"
        ? formatDuration(Math.abs(change))
        : kind === "rating"
          ? Math.abs(change).toFixed(1)
          : formatNumber(Math.abs(change));
  const Icon = change > 0 ? ArrowUpRight : ArrowDownRight;
  return (
    <span className={cn("inline-flex items-center gap-0.5 text-xs", change > 0 ? "text-success" : "text-muted-foreground")}>
      <Icon aria-hidden className="size-3.5 shrink-0" />
      <span className="sr-only">{change > 0 ? "Up" : "Down"} </span>
      {text}
      <span className="sr-only"> compared with the previous period</span>
    </span>
  );
}

function StatCard({ label, value, trend, hint }: { label: string; value: string; trend: Trend; hint: string }) {
  return (
    <Card>
      <CardHeader className="gap-1 pb-5">
        <CardDescription title={hint}>{label}</CardDescription>
        <CardTitle as="div" className="text-2xl tabular-nums" data-testid={`stat-${label}`}>
          {value}
        </CardTitle>
        <TrendNote {...trend} />
      </CardHeader>
    </Card>
  );
}

function ChartCard({ title, description, children }: { title: string; description?: string; children: ReactNode }) {
  return (
    <Card>
      <CardHeader>
        <CardTitle>{title}</CardTitle>
        {description ? <CardDescription>{description}</CardDescription> : null}
      </CardHeader>
      <CardContent>{children}</CardContent>
    </Card>
  );
}

export function Dashboard() {
  const trpc = useTRPC();
  const searchParams = useSearchParams();
  const input = dashboardInputFromParams(searchParams);
  const summary = useQuery({ ...trpc.dashboard.summary.queryOptions(input), placeholderData: keepPreviousData });
  const series = useQuery({ ...trpc.dashboard.timeseries.queryOptions(input), placeholderData: keepPreviousData });

  if (summary.isError) return <ErrorState title="The dashboard could not be loaded" message={summary.error.message} onRetry={() => void summary.refetch()} />;
  if (!summary.data) return <DashboardSkeleton />;
  const { metrics, previous, credit } = summary.data;
  const funnel = [
    { name: "Calls", value: metrics.attempted },
    { name: "Connected", value: metrics.connected },
    { name: "Booked", value: metrics.booked },
    { name: "Showed", value: metrics.showed },
    { name: "Service completed", value: metrics.serviceCompleted },
  ];

  return (
    <div className={cn("flex flex-col gap-6 transition-opacity", summary.isPlaceholderData && "opacity-60")} aria-busy={summary.isFetching}>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Dashboard</h1>
        <p className="text-sm text-muted-foreground" data-testid="dashboard-range">
          {formatRange(summary.data.range)} · times in {summary.data.timeZone.replace("_", " ")}
        </p>
      </div>
      <PeriodToolbar campaigns={summary.data.campaigns} range={summary.data.range} />
      <p id="trend-note" className="-mb-3 text-xs text-muted-foreground">
        Arrows compare with the {summary.data.range.from === summary.data.range.to ? "day" : "same number of days"} just before.
      </p>

      <section aria-label="Key figures" aria-describedby="trend-note" className="grid grid-cols-2 gap-4 *:min-w-0 lg:grid-cols-3 xl:grid-cols-6">
        <StatCard label="Calls" value={formatNumber(metrics.attempted)} hint="Calls placed in the period" trend={{ current: metrics.attempted, previous: previous.attempted, kind: "count" }} />
        <StatCard label="Connect rate" value={formatPercent(metrics.connectRate)} hint="Connected calls / calls placed" trend={{ current: metrics.connectRate, previous: previous.connectRate, kind: "rate" }} />
        <StatCard label="Booking rate" value={formatPercent(metrics.bookingRate)} hint="Connected calls with a booking / connected calls" trend={{ current: metrics.bookingRate, previous: previous.bookingRate, kind: "rate" }} />
        <StatCard label="Show rate" value={formatPercent(metrics.showRate)} hint="Completed / (completed + no-show) bookings scheduled in the period" trend={{ current: metrics.showRate, previous: previous.showRate, kind: "rate" }} />
        <StatCard label="Avg. duration" value={formatDuration(metrics.averageDurationSec)} hint="Over connected calls" trend={{ current: metrics.averageDurationSec, previous: previous.averageDurationSec, kind: "seconds" }} />
        <StatCard label="Avg. rating" value={metrics.averageRating === null ? "—" : `${metrics.averageRating.toFixed(1)} / 5`} hint="Over service records rated in the period" trend={{ current: metrics.averageRating, previous: previous.averageRating, kind: "rating" }} />
      </section>

      <div className="grid gap-6 *:min-w-0 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <ChartCard title="Calls by day" description="Stacked by how each call ended.">
            {metrics.attempted === 0 ? (
              <EmptyState icon={<PhoneOff />} title="No calls in this period" description="Pick a longer period, or activate a campaign to start calling." />
            ) : (
              <figure aria-label={`Calls by day: ${formatNumber(metrics.attempted)} calls, ${formatNumber(metrics.connected)} connected`}>
                {series.data ? <CallsByDayChart days={series.data.days} /> : <Skeleton className="h-[300px] w-full" />}
              </figure>
            )}
          </ChartCard>
        </div>
        <Card>
          <CardHeader>
            <CardTitle>Credit</CardTitle>
            <CardDescription>What calls cost comes off this balance.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            <div>
              <p className="text-3xl font-semibold tabular-nums" data-testid="credit-balance">
                {formatMoney(credit.balance)}
              </p>
              <p className="text-sm text-muted-foreground">
                {credit.daysLeft === null ? "No call charges in the last 30 days." : `About ${formatNumber(credit.daysLeft)} days left at ${formatMoney(credit.averageDailyDebit)} a day.`}
              </p>
            </div>
            <dl className="grid grid-cols-2 gap-3 text-sm">
              <div>
                <dt className="text-xs text-muted-foreground">Charged this period</dt>
                <dd className="font-medium tabular-nums">{formatMoney(metrics.creditsDebited)}</dd>
              </div>
              <div>
                <dt className="text-xs text-muted-foreground">Cost per booking</dt>
                <dd className="font-medium tabular-nums">{formatMoney(metrics.costPerBooking)}</dd>
              </div>
            </dl>
          </CardContent>
        </Card>
      </div>

      <div className="grid gap-6 *:min-w-0 lg:grid-cols-2">
        <ChartCard title="Funnel" description="Calls → connected → booked → showed → service completed.">
          {metrics.attempted === 0 ? <EmptyState title="Nothing to show yet" description="The funnel fills as calls come in." /> : <HorizontalBars rows={funnel} valueLabel="Count" title="Funnel" nameHeader="Step" />}
        </ChartCard>
        <ChartCard title="Bookings by campaign" description="Connected calls of the period that led to a booking.">
          {summary.data.bookingsByCampaign.length === 0 ? (
            <EmptyState title="No bookings in this period" description="Bookings made on calls show up here by campaign." />
          ) : (
            <HorizontalBars rows={summary.data.bookingsByCampaign.map((row) => ({ name: row.name, value: row.booked }))} valueLabel="Bookings" title="Bookings by campaign" nameHeader="Campaign" />
          )}
        </ChartCard>
      </div>

      <div className="grid gap-6 *:min-w-0 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Waiting for review</CardTitle>
            <CardDescription>{formatNumber(summary.data.reviewQueue.waiting)} connected calls nobody has reviewed yet, oldest first.</CardDescription>
          </CardHeader>
          <CardContent>
            {summary.data.reviewQueue.oldest.length === 0 ? (
              <EmptyState title="All caught up" description="Every connected call has been reviewed." />
            ) : (
              <ul className="divide-y divide-border">
                {summary.data.reviewQueue.oldest.map((call) => (
                  <li key={String(call.id)}>
                    <Link href={`/calls/${call.id}`} className="flex items-center justify-between gap-3 py-2 text-sm hover:text-primary focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
                      <span className="min-w-0 truncate">
                        {call.serviceRecord?.customerName ?? call.customerNumberDisplay}
                        <span className="block text-xs text-muted-foreground">{formatDateTime(call.startTime, summary.data.timeZone)}</span>
                      </span>
                      <span className="shrink-0 text-xs tabular-nums text-muted-foreground">{formatDuration(call.durationSec)}</span>
                    </Link>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Newest inquiries</CardTitle>
            <CardDescription>Messages from customers, newest first.</CardDescription>
          </CardHeader>
          <CardContent>
            {summary.data.newestInquiries.length === 0 ? (
              <EmptyState icon={<Inbox />} title="No inquiries" description="Inquiries from your website and inbound calls land here." />
            ) : (
              <ul className="divide-y divide-border">
                {summary.data.newestInquiries.map((inquiry) => (
                  <li key={String(inquiry.id)} className="flex items-start justify-between gap-3 py-2 text-sm">
                    <span className="min-w-0">
                      <span className="font-medium">{inquiry.customerName ?? "Unknown customer"}</span>
                      <span className="block truncate text-xs text-muted-foreground">{inquiry.message}</span>
                    </span>
                    <Badge variant={inquiry.status === "New" ? "primary" : "neutral"}>{inquiry.status}</Badge>
                  </li>
                ))}
              </ul>
            )}
          </CardContent>
        </Card>
      </div>
    </div>
  );
}

export function DashboardSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the dashboard" className="flex flex-col gap-6">
      <Skeleton className="h-8 w-48" />
      <Skeleton className="h-9 w-96 max-w-full" />
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-3 xl:grid-cols-6">
        {Array.from({ length: 6 }, (_, index) => (
          <Skeleton key={index} className="h-28" />
        ))}
      </div>
      <Skeleton className="h-80 w-full" />
    </div>
  );
}
