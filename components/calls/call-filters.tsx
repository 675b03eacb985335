"use client";

import { useSuspenseQuery } from "@tanstack/react-query";
import { SlidersHorizontal, X } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FilterSelect } from "@/components/ui/filter-select";
import { useTRPC } from "@/lib/trpc/react";
import { callDirections, callOutcomes, callStatuses } from "@/lib/value-sets";
import { callFilterKeys } from "@/lib/call-filters";
import type { CallSort } from "@/lib/call-filters";
import { directionLabel, outcomeLabel, statusLabel } from "./call-format";

/** A text or number filter that applies on Enter or when it loses focus, not on every keystroke. */
function CommitInput({ id, label, value, onCommit, ...props }: { id: string; label: string; value: string | undefined; onCommit: (value: string | null) => void } & Omit<React.ComponentProps<"input">, "value" | "id">) {
  const [draft, setDraft] = useState(value ?? "");
  // The URL changed under us (Clear filters, back button): show its value.
  const [shown, setShown] = useState(value);
  if (shown !== value) {
    setShown(value);
    setDraft(value ?? "");
  }
  const commit = () => {
    if (draft.trim() !== (value ?? "")) onCommit(draft.trim() || null);
  };
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id} className="text-xs text-muted-foreground">
        {label}
      </Label>
      <Input
        id={id}
        value={draft}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === "Enter") commit();
        }}
        {...props}
      />
    </div>
  );
}

const sortOptions: { value: string; label: string }[] = [
  { value: "time_desc", label: "Newest first" },
  { value: "time_asc", label: "Oldest first" },
  { value: "duration_desc", label: "Longest first" },
  { value: "duration_asc", label: "Shortest first" },
];

export function CallFilters({
  filters,
  sort,
  onChange,
  showSort = true,
}: {
  filters: Record<string, string>;
  sort?: CallSort;
  onChange: (changes: Record<string, string | null>) => void;
  showSort?: boolean;
}) {
  const trpc = useTRPC();
  const { data: options } = useSuspenseQuery(trpc.calls.filterOptions.queryOptions());
  const [expanded, setExpanded] = useState(false);
  const active = callFilterKeys.filter((key) => filters[key]).length;
  const set = (key: string) => (value: string | null | undefined) => onChange({ [key]: value ?? null });
  const dateError = filters.from && filters.to && filters.from > filters.to ? "The end date is before the start date." : null;
  const durationError =
    filters.minDuration && filters.maxDuration && Number(filters.minDuration) > Number(filters.maxDuration) ? "The longest duration is shorter than the shortest." : null;

  return (
    <section aria-label="Filters" className="flex flex-col gap-3 rounded-lg border border-border bg-card p-3">
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-6">
        <CommitInput id="filter-from" label="From" type="date" value={filters.from} onCommit={set("from")} max={filters.to} />
        <CommitInput id="filter-to" label="To" type="date" value={filters.to} onCommit={set("to")} min={filters.from} />
        <FilterSelect anyLabel="Any" triggerClassName="w-full" id="filter-status" label="Status" value={filters.status} onChange={set("status")} options={callStatuses.map((value) => ({ value, label: statusLabel(value) }))} />
        <FilterSelect anyLabel="Any" triggerClassName="w-full" id="filter-outcome" label="Outcome" value={filters.outcome} onChange={set("outcome")} options={callOutcomes.map((value) => ({ value, label: outcomeLabel(value) }))} />
        <FilterSelect anyLabel="Any" triggerClassName="w-full" id="filter-reviewed" label="Reviewed" value={filters.reviewed} onChange={set("reviewed")} options={[{ value: "yes", label: "Reviewed" }, { value: "no", label: "Not reviewed" }]} />
        {showSort && sort ? (
          <FilterSelect id="filter-sort" label="Sort" value={sort} onChange={(value) => onChange({ sort: value === "time_desc" ? null : (value ?? null) })} options={sortOptions} triggerClassName="w-full" />
        ) : null}
      </div>
      {expanded ? (
        <div className="grid grid-cols-2 gap-3 md:grid-cols-4 lg:grid-cols-6">
          <FilterSelect anyLabel="Any" triggerClassName="w-full" id="filter-direction" label="Direction" value={filters.direction} onChange={set("direction")} options={callDirections.map((value) => ({ value, label: directionLabel(value) }))} />
          <FilterSelect anyLabel="Any" triggerClassName="w-full" id="filter-campaign" label="Campaign" value={filters.campaignId} onChange={set("campaignId")} options={options.campaigns.map((campaign) => ({ value: String(campaign.id), label: campaign.name }))} />
          <FilterSelect anyLabel="Any" triggerClassName="w-full" id="filter-agent" label="Agent" value={filters.agentId} onChange={set("agentId")} options={options.agents.map((agent) => ({ value: String(agent.id), label: agent.name }))} />
          <FilterSelect anyLabel="Any" triggerClassName="w-full" id="filter-tag" label="Tag" value={filters.tagId} onChange={set("tagId")} options={options.tags.map((tag) => ({ value: String(tag.id), label: tag.name }))} />
          <FilterSelect anyLabel="Any" triggerClassName="w-full" id="filter-booking" label="Booking" value={filters.hasBooking} onChange={set("hasBooking")} options={[{ value: "yes", label: "Has a booking" }, { value: "no", label: "No booking" }]} />
          <CommitInput id="filter-number" label="Customer number" type="search" inputMode="tel" placeholder="e.g. 614 555" value={filters.customerNumber} onCommit={set("customerNumber")} />
          <CommitInput id="filter-min-duration" label="Shortest (seconds)" type="number" min={0} inputMode="numeric" value={filters.minDuration} onCommit={set("minDuration")} />
          <CommitInput id="filter-max-duration" label="Longest (seconds)" type="number" min={0} inputMode="numeric" value={filters.maxDuration} onCommit={set("maxDuration")} />
        </div>
      ) : null}
      {dateError || durationError ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {dateError ?? durationError} This filter is ignored until it is fixed.
        </p>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        <Button variant="ghost" size="sm" onClick={() => setExpanded((value) => !value)} aria-expanded={expanded}>
          <SlidersHorizontal aria-hidden className="size-4" /> {expanded ? "Fewer filters" : "More filters"}
        </Button>
        {active ? (
          <Button variant="ghost" size="sm" onClick={() => onChange(Object.fromEntries(callFilterKeys.map((key) => [key, null])))}>
            <X aria-hidden className="size-4" /> Clear {active} {active === 1 ? "filter" : "filters"}
          </Button>
        ) : null}
      </div>
    </section>
  );
}
