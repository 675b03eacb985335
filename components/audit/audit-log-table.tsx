"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { ScrollText } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { defaultTimezone } from "@/lib/value-sets";
import { auditLogFilterKeys } from "@/lib/audit-log-filters";
import type { AuditLogFilterValues } from "@/lib/audit-log-filters";
import { AuditFilters } from "./audit-filters";
import { lazyDialog } from "@/components/ui/lazy";

const AuditDetailDialog = lazyDialog(() => import("./audit-detail-dialog").then((module) => module.AuditDetailDialog), (props) => props.row !== null);

export type AuditRow = {
  id: bigint;
  timestamp: Date;
  action: string;
  entity: string;
  entityId: string | null;
  oldValue: unknown;
  newValue: unknown;
  user: { id: bigint; name: string; email: string } | null;
};

const actionVariant: Record<string, "success" | "primary" | "destructive" | "warning" | "neutral"> = { create: "success", update: "primary", delete: "destructive", login_fail: "warning" };

/** A filter change goes to the URL, which renders the page (and its filters, parsed on the server) again. */
function useSetUrlFilters(): (next: Partial<AuditLogFilterValues>) => void {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const update = (next: Partial<AuditLogFilterValues>) => {
    const params = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(next)) {
      if (value) params.set(key, value);
      else params.delete(key);
    }
    router.replace(`${pathname}${params.size ? `?${params.toString()}` : ""}`, { scroll: false });
  };
  return update;
}

function LoadingRows() {
  return (
    <div aria-busy="true" aria-label="Loading audit entries" className="flex flex-col gap-2">
      {Array.from({ length: 8 }, (_, index) => (
        <Skeleton key={index} className="h-10 w-full" />
      ))}
    </div>
  );
}

/** `filters`: the URL's filters; `problem`: why they do not parse (then every entry shows). */
export function AuditLogTable({ filters, problem }: { filters: AuditLogFilterValues; problem: string | null }) {
  const trpc = useTRPC();
  const setFilters = useSetUrlFilters();
  const [selected, setSelected] = useState<AuditRow | null>(null);
  const input = problem === null ? { ...filters, limit: 50 } : { limit: 50 };
  const organization = useQuery(trpc.organization.current.queryOptions());
  const users = useQuery(trpc.auditLog.users.queryOptions());
  const timezone = organization.data?.timezone ?? defaultTimezone;
  const pages = useInfiniteQuery(trpc.auditLog.list.infiniteQueryOptions(input, { getNextPageParam: (page) => page.nextCursor }));
  const rows = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const exportParams = new URLSearchParams(Object.entries(filters).filter(([, value]) => value));
  const hasFilters = auditLogFilterKeys.some((key) => filters[key]);

  return (
    <div className="flex flex-col gap-4">
      <AuditFilters values={filters} users={users.data ?? []} exportHref={`/api/exports/audit-log${exportParams.size ? `?${exportParams.toString()}` : ""}`} onChange={setFilters} />
      {problem !== null ? <p role="alert" className="text-sm font-medium text-destructive">{problem}; showing everything instead.</p> : null}
      {pages.isPending ? (
        <LoadingRows />
      ) : pages.isError ? (
        <ErrorState title="The audit log could not be loaded" message={pages.error.message} onRetry={() => void pages.refetch()} retrying={pages.isRefetching} />
      ) : rows.length === 0 ? (
        <EmptyState icon={<ScrollText />} title={hasFilters ? "No entries match these filters" : "No audit entries yet"} description={hasFilters ? "Widen the date range or clear a filter." : "Changes to your organization's data will show up here."} />
      ) : (
        <>
          <Table aria-label="Audit log">
            <TableHeader>
              <TableRow>
                <TableHead>Time</TableHead>
                <TableHead>User</TableHead>
                <TableHead>Action</TableHead>
                <TableHead>Entity</TableHead>
                <TableHead className="hidden sm:table-cell">Entity id</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">Details</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((row) => (
                <TableRow key={String(row.id)}>
                  <TableCell className="whitespace-nowrap tabular-nums">{formatDateTime(row.timestamp, timezone)}</TableCell>
                  <TableCell className="max-w-[10rem] truncate" title={row.user?.email ?? (row.apiKey ? `API key ${row.apiKey.prefix}…` : undefined)}>
                    {row.user?.name ?? (row.apiKey ? `API key “${row.apiKey.name}”` : <span className="text-muted-foreground">System</span>)}
                  </TableCell>
                  <TableCell>
                    <Badge variant={actionVariant[row.action] ?? "neutral"}>{row.action.replaceAll("_", " ")}</Badge>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{row.entity.replaceAll("_", " ")}</TableCell>
                  <TableCell className="hidden max-w-[12rem] truncate font-mono text-xs sm:table-cell">{row.entityId ?? "—"}</TableCell>
                  <TableCell className="text-right">
                    <Button variant="ghost" size="sm" aria-label={`Details of ${row.action} ${row.entity} ${row.entityId ?? ""} at ${formatDateTime(row.timestamp, timezone)}`} onClick={() => setSelected(row)}>
                      Details
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <div className="flex justify-center">
            {pages.hasNextPage ? (
              <Button variant="outline" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
                Load older entries
              </Button>
            ) : (
              <p className="text-sm text-muted-foreground">That is every entry{hasFilters ? " matching these filters" : ""}.</p>
            )}
          </div>
        </>
      )}
      <AuditDetailDialog row={selected} timezone={timezone} onOpenChange={(open) => !open && setSelected(null)} />
    </div>
  );
}
