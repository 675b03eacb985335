"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Input } from "@/components/ui/input";
import { LazySelect } from "@/components/ui/lazy-select";
import { dashboardInputFromParams } from "@/lib/period";
import type { PeriodPreset } from "@/lib/validation/dashboard";
import { dateTimeFormat } from "@/lib/intl";

const periodLabels: Record<PeriodPreset, string> = { today: "Today", "7d": "7 days", "30d": "30 days", "90d": "90 days", custom: "Custom" };

export function usePeriodNavigation() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  return (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === null) next.delete(key);
      else next.set(key, value);
    }
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  };
}

/** Without `campaigns` (the platform view) there is no campaign filter. */
export function PeriodToolbar({ campaigns, range }: { campaigns?: { id: bigint; name: string }[]; range: { from: string; to: string } }) {
  const searchParams = useSearchParams();
  const navigate = usePeriodNavigation();
  const input = dashboardInputFromParams(searchParams);
  const [custom, setCustom] = useState({ from: input.from ?? range.from, to: input.to ?? range.to });
  const [showCustom, setShowCustom] = useState(input.period === "custom");
  return (
    <div className="flex flex-col gap-3 sm:flex-row sm:flex-wrap sm:items-end">
      <div role="group" aria-label="Period" className="inline-flex flex-wrap rounded-lg border border-border bg-muted/40 p-0.5">
        {(Object.keys(periodLabels) as PeriodPreset[]).map((preset) => {
          const active = preset === "custom" ? showCustom : !showCustom && input.period === preset;
          return (
            <button
              key={preset}
              type="button"
              aria-pressed={active}
              onClick={() => {
                if (preset === "custom") return setShowCustom(true);
                setShowCustom(false);
                navigate({ period: preset === "30d" ? null : preset, from: null, to: null });
              }}
              className={cn(
                "rounded-md px-3 py-1.5 text-sm transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring",
                active ? "bg-background font-medium shadow-sm" : "text-muted-foreground hover:text-foreground",
              )}
            >
              {periodLabels[preset]}
            </button>
          );
        })}
      </div>
      {showCustom ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(event) => {
            event.preventDefault();
            navigate({ period: "custom", from: custom.from, to: custom.to });
          }}
        >
          <label className="flex flex-col gap-1 text-xs text-muted-foreground">
            From
            <Input type="date" value={custom.from} max={custom.to} onChange={(event) => setCustom({ ...custom, from: event.target.value })} required />
          </label>
          <label className="flex flex-col gap-1 text-xs text-muted-foreground">
            To
            <Input type="date" value={custom.to} min={custom.from} onChange={(event) => setCustom({ ...custom, to: event.target.value })} required />
          </label>
          <Button type="submit" variant="secondary">
            Apply
          </Button>
        </form>
      ) : null}
      {campaigns ? (
        <div className="w-full sm:ml-auto sm:w-60">
          <LazySelect
            aria-label="Campaign"
            value={input.campaignId ? String(input.campaignId) : "all"}
            onValueChange={(value) => navigate({ campaign: value === "all" ? null : value })}
            options={[{ value: "all", label: "All campaigns" }, ...campaigns.map((campaign) => ({ value: String(campaign.id), label: campaign.name }))]}
          />
        </div>
      ) : null}
    </div>
  );
}

export function formatRange(range: { from: string; to: string }) {
  const format = (day: string) => dateTimeFormat({ month: "short", day: "numeric", year: "numeric", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
  return range.from === range.to ? format(range.from) : `${format(range.from)} – ${format(range.to)}`;
}

