import type { Metadata } from "next";
import Link from "next/link";
import { CallsChart } from "@/components/admin/calls-chart";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { formatMoney, formatNumber } from "@/lib/format";
import { getQueryClient, trpc } from "@/lib/trpc/server";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Platform overview" };

function Stat({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <Card>
      <CardContent className="flex flex-col gap-1 pt-6">
        <p className="text-sm text-muted-foreground">{label}</p>
        <p className="text-2xl font-semibold tabular-nums">{value}</p>
        {hint ? <p className="text-xs text-muted-foreground">{hint}</p> : null}
      </CardContent>
    </Card>
  );
}

export default async function PlatformOverviewPage() {
  // The layout shows everyone else a 403 page; pages render alongside it, so do not even ask.
  if ((await requireUser()).role !== "SuperAdmin") return null;
  const overview = await getQueryClient().fetchQuery(trpc.organization.overview.queryOptions());
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Platform overview" description="Every organization on AutoPulse at a glance." />
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Organizations" value={formatNumber(overview.organizationCount)} />
        <Stat label="Credit held by organizations" value={formatMoney(overview.creditHeld)} hint="Sum of positive balances" />
        <Stat label="Credit owed" value={formatMoney(overview.creditOwed)} hint="Sum of balances below zero" />
        <Stat label="Payments this month" value={formatMoney(overview.paymentsThisMonth.total)} hint={`${formatNumber(overview.paymentsThisMonth.count)} succeeded payments`} />
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Calls per day</CardTitle>
          <CardDescription>All organizations, last 30 days.</CardDescription>
        </CardHeader>
        <CardContent>
          <CallsChart data={overview.callsPerDay} />
        </CardContent>
      </Card>
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Organizations by plan</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="flex flex-col divide-y divide-border">
              {overview.organizationsByPlan.map((row) => (
                <li key={row.planId ?? "none"} className="flex justify-between py-2 text-sm">
                  <span>{row.planName}</span>
                  <span className="tabular-nums">{formatNumber(row.organizations)}</span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Near their credit limit</CardTitle>
            <CardDescription>Below zero, or with less than a tenth of their limit left above zero.</CardDescription>
          </CardHeader>
          <CardContent>
            {overview.nearLimit.length === 0 ? (
              <EmptyState title="Nobody is close to their limit" description="Organizations show up here when their balance runs low." />
            ) : (
              <ul className="flex flex-col divide-y divide-border">
                {overview.nearLimit.map((row) => (
                  <li key={row.id} className="flex items-center justify-between gap-2 py-2 text-sm">
                    <Link href={`/admin/organizations/${row.id}`} className="font-medium underline-offset-4 hover:underline">
                      {row.name}
                    </Link>
                    <span className="tabular-nums">
                      {formatMoney(row.creditBalance)} <span className="text-muted-foreground">/ −{formatMoney(row.creditLimit)}</span>
                    </span>
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
