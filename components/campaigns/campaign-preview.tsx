"use client";

import { useQuery } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatMoney, formatNumber } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { dateTimeFormat } from "@/lib/intl";

function Fact({ label, value, hint }: { label: string; value: string; hint?: string }) {
  return (
    <div className="rounded-md border border-border p-3">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums">{value}</dd>
      {hint ? <dd className="mt-0.5 text-xs text-muted-foreground">{hint}</dd> : null}
    </div>
  );
}

const formatDay = (isoDate: string | null) => (isoDate ? dateTimeFormat({ dateStyle: "medium", timeZone: "UTC" }).format(new Date(`${isoDate}T12:00:00Z`)) : "—");

export function CampaignPreview({ campaignId }: { campaignId: bigint }) {
  const trpc = useTRPC();
  // Query keys are hashed with JSON.stringify, so ids go in as strings (a BigInt would throw).
  const query = useQuery(trpc.campaign.preview.queryOptions({ id: String(campaignId) }));
  return (
    <Card aria-labelledby="preview-title">
      <CardHeader>
        <CardTitle id="preview-title">Pre-launch preview</CardTitle>
        <CardDescription>What this campaign will do with its schedule and the customers it holds today.</CardDescription>
      </CardHeader>
      <CardContent>
        {query.isError ? (
          <ErrorState message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />
        ) : query.isPending ? (
          <Skeleton className="h-40 w-full" />
        ) : !query.data ? (
          <p className="text-sm text-muted-foreground">Save a calling schedule to see how many customers will be called, over how many days, and what it costs.</p>
        ) : (
          <PreviewFacts preview={query.data} />
        )}
      </CardContent>
    </Card>
  );
}

type Preview = NonNullable<inferRouterOutputs<AppRouter>["campaign"]["preview"]>;

function PreviewFacts({ preview }: { preview: Preview }) {
  const { eligibility, plan } = preview;
  return (
    <div className="flex flex-col gap-4">
      <dl className="grid grid-cols-2 gap-3 lg:grid-cols-4">
        <Fact
          label="Eligible customers"
          value={formatNumber(eligibility.eligible)}
          hint={`of ${formatNumber(eligibility.excluded.total)} · ${formatNumber(eligibility.excluded.doNotCall)} do-not-call, ${formatNumber(eligibility.excluded.openBooking)} booked, ${formatNumber(eligibility.excluded.noAttemptsLeft)} out of attempts`}
        />
        <Fact label="Calls to expect" value={formatNumber(preview.expectedCalls)} hint={`incl. retries · ${formatNumber(preview.expectedConnectedCalls)} connected at ${(preview.connectRate * 100).toFixed(0)}%${preview.connectRateFromHistory ? "" : " (assumed)"}`} />
        <Fact
          label="Calling days"
          value={formatNumber(plan.callingDays)}
          hint={plan.firstDay ? `${formatDay(plan.firstDay)} – ${plan.lastDay ? formatDay(plan.lastDay) : "beyond a year"}` : "Nothing to call"}
        />
        <Fact label="Estimated cost" value={formatMoney(preview.estimatedCost)} hint={`${formatMoney(preview.ratePerMinute)}/min · ${Math.ceil(preview.averageConnectedSeconds / 60)} min per connected call`} />
      </dl>
      <p className={preview.coveredByBalance ? "text-sm text-muted-foreground" : "text-sm font-medium text-destructive"} role={preview.coveredByBalance ? undefined : "alert"}>
        {preview.coveredByBalance
          ? `Covered: balance ${formatMoney(preview.balance)}, ${formatMoney(preview.available)} available including the credit limit.`
          : `Not covered: the estimate exceeds the ${formatMoney(preview.available)} available (balance ${formatMoney(preview.balance)} plus the credit limit). Calls stop at the limit.`}
      </p>
      {!plan.fitsBeforeEndDate ? (
        <p role="alert" className="text-sm font-medium text-amber-700 dark:text-amber-400">
          The calls do not fit before the end date: add windows, raise concurrency or move the end date.
        </p>
      ) : null}
    </div>
  );
}
