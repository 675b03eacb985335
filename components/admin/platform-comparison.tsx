"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ArrowDownRight, ArrowUpRight, Equal, GitCompareArrows } from "lucide-react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { Skeleton } from "@/components/ui/skeleton";
import { formatNumber } from "@/lib/format";
import { formatFigure, platformFigures } from "@/lib/platform-figures";
import type { PlatformSummaryInput } from "@/lib/platform-metrics";
import { useTRPC } from "@/lib/trpc/react";
import { ComparisonChart } from "./platform-comparison-chart";

type Figure = (typeof platformFigures)[number];
type Position = "above" | "below" | "level" | null;

/** Above or below the others' median, and whether that is good news for this figure. */
function PositionMark({ figure, position }: { figure: Figure; position: Position }) {
  if (position === null) return <span className="text-xs text-muted-foreground">Nothing to compare</span>;
  if (position === "level") {
    return (
      <span className="inline-flex items-center gap-1 text-xs text-muted-foreground">
        <Equal aria-hidden className="size-3.5" /> At the median
      </span>
    );
  }
  const good = figure.better === null ? null : (position === "above") === (figure.better === "higher");
  const Icon = position === "above" ? ArrowUpRight : ArrowDownRight;
  return (
    <span className={cn("inline-flex items-center gap-1 text-xs font-medium", good === null ? "text-muted-foreground" : good ? "text-success" : "text-destructive")}>
      <Icon aria-hidden className="size-3.5" />
      {position === "above" ? "Above" : "Below"} the median
      {good === null ? null : <span className="sr-only">{good ? " (better)" : " (worse)"}</span>}
    </span>
  );
}


function CallsAgainstOthersChart({ name, days }: { name: string; days: { day: string; own: number; othersAverage: number | null }[] }) {
  const total = days.reduce((sum, day) => sum + day.own, 0);
  return (
    <figure aria-label={`Calls by day: ${name} (${formatNumber(total)} in the period) against the average of the other organizations`}>
      <ComparisonChart name={name} days={days} />
    </figure>
  );
}

type Props = {
  period: Pick<PlatformSummaryInput, "period" | "from" | "to">;
  organizations: { organizationId: string; name: string }[];
  organizationId: string | null;
  onChoose: (organizationId: string | undefined) => void;
};

/** One organization against the others: each figure with the others' median and average, its rank, and calls by day. */
export function PlatformComparison({ period, organizations, organizationId, onChoose }: Props) {
  const trpc = useTRPC();
  const comparison = useQuery({
    ...trpc.dashboard.compareOrganization.queryOptions({ ...period, organizationId: organizationId ?? "" }),
    enabled: organizationId !== null,
    placeholderData: keepPreviousData,
  });
  const data = organizationId === null ? undefined : comparison.data;

  return (
    <Card id="compare">
      <CardHeader className="gap-4 sm:flex-row sm:items-end sm:justify-between">
        <div className="flex flex-col gap-1.5">
          <CardTitle>Compare one organization with the others</CardTitle>
          <CardDescription>Its figures next to the median and the average of the other organizations, and its rank among them (1 is the best).</CardDescription>
        </div>
        <FilterSelect
          id="compare-organization"
          label="Organization"
          value={organizationId ?? undefined}
          onChange={onChoose}
          anyLabel="Choose…"
          options={organizations.map((row) => ({ value: row.organizationId, label: row.name }))}
          triggerClassName="w-full sm:w-64"
        />
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        {organizationId === null ? (
          <EmptyState icon={<GitCompareArrows />} title="No organization chosen" description="Pick one above, or use Compare on a row of the table." />
        ) : comparison.isError ? (
          <ErrorState title="The comparison could not be loaded" message={comparison.error.message} onRetry={() => void comparison.refetch()} retrying={comparison.isFetching} />
        ) : !data ? (
          <Skeleton className="h-72 w-full" />
        ) : (
          <div className={cn("flex flex-col gap-6 transition-opacity", comparison.isPlaceholderData && "opacity-60")} aria-busy={comparison.isFetching}>
            <p className="text-sm text-muted-foreground">
              <span className="font-medium text-foreground">{data.organization.name}</span> against {formatNumber(data.others)} other{" "}
              {data.others === 1 ? "organization" : "organizations"}.
            </p>
            <ul aria-label={`Figures of ${data.organization.name}`} className="grid gap-3 sm:grid-cols-2 xl:grid-cols-4">
              {data.figures.map((row) => {
                const figure = platformFigures.find((candidate) => candidate.key === row.key)!;
                return (
                  <li key={row.key} className="flex flex-col gap-1 rounded-lg border border-border p-3" data-testid={`compare-${row.key}`}>
                    <span className="text-sm text-muted-foreground" title={figure.hint}>
                      {figure.label}
                    </span>
                    <span className="text-xl font-semibold tabular-nums">{formatFigure(figure.kind, row.value)}</span>
                    <PositionMark figure={figure} position={row.position} />
                    <dl className="mt-1 grid grid-cols-3 gap-2 text-xs">
                      <div>
                        <dt className="text-muted-foreground">Median</dt>
                        <dd className="tabular-nums">{formatFigure(figure.kind, row.othersMedian)}</dd>
                      </div>
                      <div>
                        <dt className="text-muted-foreground">Average</dt>
                        <dd className="tabular-nums">{formatFigure(figure.kind, row.othersAverage)}</dd>
                      </div>
                      <div>
                        <dt className="text-muted-foreground">Rank</dt>
                        <dd className="tabular-nums">{row.rank === null ? "—" : `${row.rank} of ${row.rankedAmong}`}</dd>
                      </div>
                    </dl>
                  </li>
                );
              })}
            </ul>
            <div className="flex flex-col gap-2">
              <h3 className="text-sm font-medium">Calls by day</h3>
              {data.callsByDay.every((day) => day.own === 0 && !day.othersAverage) ? (
                <EmptyState title="No calls in this period" description="Nobody placed calls on these days. Pick a longer period." />
              ) : (
                <CallsAgainstOthersChart name={data.organization.name} days={data.callsByDay} />
              )}
            </div>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
