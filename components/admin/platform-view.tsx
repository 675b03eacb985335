"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Building2, PhoneOff } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { formatRange, PeriodToolbar, usePeriodNavigation } from "@/components/period/period-toolbar";
import { formatFigure, platformFigures } from "@/lib/platform-figures";
import type { PlatformSortField } from "@/lib/platform-figures";
import type { PlatformSummaryInput } from "@/lib/platform-metrics";
import { useTRPC } from "@/lib/trpc/react";
import { PlatformComparison } from "./platform-comparison";
import { PlatformSkeleton } from "./platform-skeleton";
import { PlatformTable } from "./platform-table";

const keyFigures = ["attempted", "connectRate", "bookingRate", "showRate", "averageDurationSec", "averageRating", "creditsDebited", "costPerBooking"] as const;

/**
 * /admin/platform: every service center's figures for a period, the platform's totals, and one organization against the others.
 * `input` and `compare`: the URL's state, read by the page (lib/platform-metrics.ts platformInputFromParams), which prefetched them.
 */
export function PlatformView({ input, compare }: { input: PlatformSummaryInput; compare: string | null }) {
  const trpc = useTRPC();
  const navigate = usePeriodNavigation();
  const summary = useQuery({ ...trpc.dashboard.platformSummary.queryOptions(input), placeholderData: keepPreviousData });

  if (summary.isError) return <ErrorState title="The platform figures could not be loaded" message={summary.error.message} onRetry={() => void summary.refetch()} retrying={summary.isFetching} />;
  if (!summary.data) return <PlatformSkeleton />;
  const { total, organizations, range } = summary.data;
  const sort = (input.sort ?? "attempted") as PlatformSortField;
  const direction = input.direction ?? "desc";
  const onSort = (field: PlatformSortField) =>
    navigate({ sort: field, direction: field === sort ? (direction === "desc" ? "asc" : "desc") : field === "name" || field === "costPerBooking" ? "asc" : "desc" });
  const onCompare = (organizationId: string | undefined) => {
    navigate({ compare: organizationId ?? null });
    if (organizationId) document.getElementById("compare")?.scrollIntoView({ behavior: "smooth", block: "start" });
  };

  return (
    <div className={cn("flex flex-col gap-6 transition-opacity", summary.isPlaceholderData && "opacity-60")} aria-busy={summary.isFetching}>
      <div className="flex flex-col gap-1">
        <h1 className="text-2xl font-semibold tracking-tight">Platform</h1>
        <p className="text-sm text-muted-foreground" data-testid="platform-range">
          {formatRange(range)} · each organization&apos;s days in its own time zone
        </p>
      </div>
      <PeriodToolbar range={range} />

      {organizations.length === 0 ? (
        <EmptyState
          icon={<Building2 />}
          title="No service centers yet"
          description="Figures show up here once organizations are on AutoPulse."
          action={
            <Link href="/admin/organizations" className={buttonVariants({ variant: "outline" })}>
              Go to organizations
            </Link>
          }
        />
      ) : (
        <>
          <section aria-label="Platform totals" className="grid grid-cols-2 gap-4 *:min-w-0 lg:grid-cols-4">
            {keyFigures.map((key) => {
              const figure = platformFigures.find((candidate) => candidate.key === key)!;
              return (
                <Card key={key}>
                  <CardHeader className="gap-1 pb-5">
                    <CardDescription title={figure.hint}>{figure.label}</CardDescription>
                    <CardTitle as="div" className="text-2xl tabular-nums" data-testid={`platform-stat-${key}`}>
                      {formatFigure(figure.kind, total.metrics[key])}
                    </CardTitle>
                  </CardHeader>
                </Card>
              );
            })}
          </section>
          <p className="-mt-3 text-xs text-muted-foreground">Totals over all {organizations.length} organizations: rates and averages of the summed counts, not averages of their rates.</p>

          <section aria-labelledby="platform-organizations" className="flex flex-col gap-3">
            <h2 id="platform-organizations" className="text-lg font-semibold">
              Organizations
            </h2>
            {total.metrics.attempted === 0 ? (
              <EmptyState icon={<PhoneOff />} title="No calls in this period" description="No organization placed a call on these days. Pick a longer period; balances below are those of today." className="py-6" />
            ) : null}
            <PlatformTable summary={summary.data} sort={sort} direction={direction} onSort={onSort} onCompare={onCompare} comparing={compare} />
          </section>

          <PlatformComparison period={{ period: input.period, from: input.from, to: input.to }} organizations={[...organizations].sort((a, b) => a.name.localeCompare(b.name))} organizationId={compare} onChoose={onCompare} />
        </>
      )}
    </div>
  );
}
