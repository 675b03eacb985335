"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Building2, Plus } from "lucide-react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { LazySelect } from "@/components/ui/lazy-select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatMoney, formatNumber } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import type { OrganizationListFilters } from "@/lib/validation/organization-list";
import { organizationSortFields } from "@/lib/value-sets";
import { lazyDialogPart } from "@/components/ui/lazy";

const OrganizationForm = lazyDialogPart(() => import("./organization-form").then((module) => module.OrganizationForm));

const sortLabels: Record<(typeof organizationSortFields)[number], string> = { name: "Name", createdAt: "Created", creditBalance: "Credit balance" };

/** A filter change goes to the URL, which renders the page (and its filters, parsed on the server) again. */
function useSetListFilters() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  return (changes: Record<string, string | number | undefined>) => {
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value === undefined || value === "") next.delete(key);
      else next.set(key, String(value));
    }
    if (!("page" in changes)) next.delete("page");
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
}

/** `filters`: the URL's, parsed by the page (lib/validation/organization-list.ts organizationListFiltersFromParams). */
export function OrganizationTable({ filters }: { filters: OrganizationListFilters }) {
  const trpc = useTRPC();
  const router = useRouter();
  const setFilters = useSetListFilters();
  const [creating, setCreating] = useState(false);
  const [search, setSearch] = useState(filters.search ?? "");
  const plans = useQuery(trpc.plan.list.queryOptions());
  const list = useQuery({ ...trpc.organization.list.queryOptions(filters), placeholderData: keepPreviousData });
  const pages = list.data ? Math.max(1, Math.ceil(list.data.total / list.data.pageSize)) : 1;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <form
          className="flex w-full min-w-0 flex-col gap-1.5 sm:w-auto sm:max-w-xs sm:flex-1"
          role="search"
          onSubmit={(event) => {
            event.preventDefault();
            setFilters({ search: search.trim() });
          }}
        >
          <Label htmlFor="organization-search">Search name or email</Label>
          <Input id="organization-search" type="search" value={search} onChange={(event) => setSearch(event.target.value)} onBlur={() => setFilters({ search: search.trim() })} placeholder="e.g. Sunrise" />
        </form>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="plan-filter">Plan</Label>
          <LazySelect
            id="plan-filter"
            className="w-40"
            value={filters.planId ? String(filters.planId) : "all"}
            onValueChange={(value) => setFilters({ planId: value === "all" ? undefined : value })}
            options={[{ value: "all", label: "All plans" }, ...(plans.data ?? []).map((plan) => ({ value: String(plan.id), label: plan.name }))]}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="status-filter">Status</Label>
          <LazySelect
            id="status-filter"
            className="w-36"
            value={filters.status}
            onValueChange={(value) => setFilters({ status: value === "all" ? undefined : value })}
            options={[
              { value: "all", label: "All" },
              { value: "active", label: "Active" },
              { value: "suspended", label: "Suspended" },
            ]}
          />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="sort">Sort by</Label>
          <LazySelect
            id="sort"
            className="w-48"
            value={`${filters.sort}:${filters.direction}`}
            onValueChange={(value) => setFilters({ sort: value.split(":")[0], direction: value.split(":")[1] })}
            options={organizationSortFields.flatMap((field) => (["asc", "desc"] as const).map((direction) => ({ value: `${field}:${direction}`, label: `${sortLabels[field]} ${direction === "asc" ? "↑" : "↓"}` })))}
          />
        </div>
        <Button className="ml-auto" onClick={() => setCreating(true)}>
          <Plus aria-hidden className="size-4" /> New organization
        </Button>
      </div>

      {list.isError ? (
        <ErrorState message={list.error.message} onRetry={() => void list.refetch()} retrying={list.isFetching} />
      ) : !list.data ? (
        <Skeleton className="h-64 w-full" />
      ) : list.data.items.length === 0 ? (
        <EmptyState icon={<Building2 />} title="No organizations match" description="Change the search or filters, or create a new organization." />
      ) : (
        <Table aria-busy={list.isFetching || undefined}>
          <TableHeader>
            <TableRow>
              <TableHead>Organization</TableHead>
              <TableHead>Plan</TableHead>
              <TableHead className="text-right">Credit balance</TableHead>
              <TableHead className="text-right">Users</TableHead>
              <TableHead className="text-right">Calls (30 days)</TableHead>
              <TableHead>Created</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {list.data.items.map((organization) => (
              <TableRow key={organization.id}>
                <TableCell>
                  <Link href={`/admin/organizations/${organization.id}`} className="font-medium underline-offset-4 hover:underline">
                    {organization.name}
                  </Link>
                  <p className="text-xs text-muted-foreground">{organization.email}</p>
                  {!organization.isActive ? <Badge variant="destructive">Suspended</Badge> : null}
                </TableCell>
                <TableCell>{organization.plan?.name ?? <span className="text-muted-foreground">No plan</span>}</TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(organization.creditBalance)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatNumber(organization.userCount)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatNumber(organization.callsLast30Days)}</TableCell>
                <TableCell className="whitespace-nowrap">{formatDateTime(organization.createdAt)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {list.data && pages > 1 ? (
        <nav aria-label="Pages" className="flex items-center justify-end gap-2 text-sm">
          <Button variant="outline" size="sm" disabled={filters.page <= 1} onClick={() => setFilters({ page: filters.page - 1 })}>
            Previous
          </Button>
          <span>
            Page {filters.page} of {pages}
          </span>
          <Button variant="outline" size="sm" disabled={filters.page >= pages} onClick={() => setFilters({ page: filters.page + 1 })}>
            Next
          </Button>
        </nav>
      ) : null}
      <Dialog open={creating} onOpenChange={setCreating}>
        <DialogContent className="max-w-2xl">
          <DialogHeader>
            <DialogTitle>New organization</DialogTitle>
            <DialogDescription>Add its first Admin from the organization&apos;s page once it exists.</DialogDescription>
          </DialogHeader>
          <OrganizationForm organization={null} onDone={(id) => router.push(`/admin/organizations/${id}`)} />
        </DialogContent>
      </Dialog>
    </div>
  );
}
