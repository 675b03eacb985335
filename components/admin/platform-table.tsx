"use client";

import { ArrowDown, ArrowUp, ArrowUpDown, GitCompareArrows } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatFigure, platformFigures } from "@/lib/platform-figures";
import type { PlatformSortField } from "@/lib/platform-figures";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";

export type PlatformSummary = inferRouterOutputs<AppRouter>["dashboard"]["platformSummary"];
type Row = PlatformSummary["organizations"][number];
type FigureSource = { creditBalance: Row["creditBalance"]; metrics: Row["metrics"] };

function valueOf(source: FigureSource, key: (typeof platformFigures)[number]["key"]) {
  return key === "creditBalance" ? source.creditBalance : source.metrics[key];
}

function SortHeader({ field, label, hint, sort, direction, onSort, className }: { field: PlatformSortField; label: string; hint?: string; sort: PlatformSortField; direction: "asc" | "desc"; onSort: (field: PlatformSortField) => void; className?: string }) {
  const active = sort === field;
  const Icon = !active ? ArrowUpDown : direction === "asc" ? ArrowUp : ArrowDown;
  return (
    <TableHead aria-sort={active ? (direction === "asc" ? "ascending" : "descending") : "none"} className={className}>
      <button
        type="button"
        title={hint}
        onClick={() => onSort(field)}
        className={cn("inline-flex items-center gap-1 rounded uppercase hover:text-foreground focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring", active && "text-foreground")}
      >
        {label}
        <Icon aria-hidden className={cn("size-3.5", !active && "opacity-50")} />
      </button>
    </TableHead>
  );
}

type Props = {
  summary: PlatformSummary;
  sort: PlatformSortField;
  direction: "asc" | "desc";
  onSort: (field: PlatformSortField) => void;
  onCompare: (organizationId: string) => void;
  comparing: string | null;
};

/** Every service center's figures for the period, sortable by any column, with the platform total below. */
export function PlatformTable({ summary, sort, direction, onSort, onCompare, comparing }: Props) {
  const sticky = "sticky left-0 z-10 bg-card";
  return (
    <Table aria-label="Organizations and their figures for the period" className="min-w-[72rem]">
      <TableHeader>
        <TableRow>
          <SortHeader field="name" label="Organization" sort={sort} direction={direction} onSort={onSort} className={cn(sticky, "bg-muted")} />
          {platformFigures.map((figure) => (
            <SortHeader key={figure.key} field={figure.key} label={figure.label} hint={figure.hint} sort={sort} direction={direction} onSort={onSort} className="text-right" />
          ))}
          <TableHead>
            <span className="sr-only">Compare</span>
          </TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {summary.organizations.map((row) => (
          <TableRow key={row.organizationId} data-testid="platform-row" data-state={comparing === row.organizationId ? "selected" : undefined}>
            <TableCell className={cn(sticky, "max-w-56")}>
              <Link href={`/admin/organizations/${row.organizationId}`} className="font-medium underline-offset-4 hover:underline">
                {row.name}
              </Link>
              {!row.isActive ? (
                <Badge variant="destructive" className="ml-2">
                  Suspended
                </Badge>
              ) : null}
              <p className="text-xs text-muted-foreground">{row.timeZone.replace(/_/g, " ")}</p>
            </TableCell>
            {platformFigures.map((figure) => (
              <TableCell key={figure.key} className="text-right tabular-nums">
                {formatFigure(figure.kind, valueOf(row, figure.key))}
              </TableCell>
            ))}
            <TableCell>
              <Button variant="ghost" size="sm" onClick={() => onCompare(row.organizationId)} aria-label={`Compare ${row.name} with the others`}>
                <GitCompareArrows aria-hidden className="size-4" /> Compare
              </Button>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
      <tfoot className="border-t-2 border-border bg-muted/50 font-medium">
        <tr>
          <th scope="row" className={cn(sticky, "bg-muted px-3 py-2 text-left")}>
            All organizations
          </th>
          {platformFigures.map((figure) => (
            <td key={figure.key} className="px-3 py-2 text-right tabular-nums" data-testid={`platform-total-${figure.key}`}>
              {formatFigure(figure.kind, valueOf(summary.total, figure.key))}
            </td>
          ))}
          <td />
        </tr>
      </tfoot>
    </Table>
  );
}
