"use client";

import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Download, Upload, UserPlus, Users } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState } from "react";
import { useUrlFilters } from "@/components/campaigns/use-url-filters";
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
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { serviceRecordStatuses } from "@/lib/value-sets";
import { exportHref, serviceRecordListParams } from "./service-record-filters";
import { lazyDialogPart } from "@/components/ui/lazy";

const ServiceRecordForm = lazyDialogPart(() => import("./service-record-form").then((module) => module.ServiceRecordForm));

function FilterSelect({ id, label, value, onChange, options }: { id: string; label: string; value: string | undefined; onChange: (value: string | null) => void; options: { value: string; label: string }[] }) {
  return (
    <div className="grid gap-1.5">
      <Label htmlFor={id}>{label}</Label>
      <LazySelect id={id} value={value ?? "all"} onValueChange={(next) => onChange(next === "all" ? null : next)} options={[{ value: "all", label: "Any" }, ...options]} />
    </div>
  );
}

export function ServiceRecordList({ timezone }: { timezone: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const { params, setParams } = useUrlFilters();
  const filters = serviceRecordListParams(params);
  const [search, setSearch] = useState(params.q ?? "");
  const [serviceType, setServiceType] = useState(params.serviceType ?? "");
  const [creating, setCreating] = useState(false);
  const campaigns = useQuery(trpc.campaign.list.queryOptions({ sort: "name", direction: "asc" }));
  const query = useInfiniteQuery({
    ...trpc.serviceRecord.list.infiniteQueryOptions({ ...filters, limit: 25 }, { getNextPageParam: (page) => page.nextCursor }),
    placeholderData: keepPreviousData,
  });

  useEffect(() => {
    const handle = setTimeout(() => {
      const changes: Record<string, string> = {};
      if ((params.q ?? "") !== search.trim()) changes.q = search.trim();
      if ((params.serviceType ?? "") !== serviceType.trim()) changes.serviceType = serviceType.trim();
      if (Object.keys(changes).length) setParams(changes);
    }, 300);
    return () => clearTimeout(handle);
  }, [search, serviceType, params.q, params.serviceType, setParams]);

  const items = query.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = Object.values(filters).some((value) => value !== undefined);
  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => setCreating(true)}>
          <UserPlus aria-hidden /> Add customer
        </Button>
        <Button variant="outline" asChild>
          <Link href="/customers/import">
            <Upload aria-hidden /> Import CSV
          </Link>
        </Button>
        <Button variant="outline" asChild>
          <a href={exportHref(filters)} download>
            <Download aria-hidden /> Export CSV
          </a>
        </Button>
      </div>
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <div className="grid gap-1.5 sm:col-span-2">
          <Label htmlFor="customer-search">Search</Label>
          <Input id="customer-search" type="search" placeholder="Name, phone or vehicle" value={search} onChange={(event) => setSearch(event.target.value)} />
        </div>
        <FilterSelect id="filter-status" label="Status" value={filters.status} onChange={(status) => setParams({ status })} options={serviceRecordStatuses.map((status) => ({ value: status, label: status }))} />
        <FilterSelect
          id="filter-campaign"
          label="Campaign"
          value={filters.campaignId}
          onChange={(campaignId) => setParams({ campaignId })}
          options={(campaigns.data ?? []).map((campaign) => ({ value: String(campaign.id), label: campaign.name }))}
        />
        <div className="grid gap-1.5">
          <Label htmlFor="filter-service-type">Service type</Label>
          <Input id="filter-service-type" value={serviceType} onChange={(event) => setServiceType(event.target.value)} placeholder="Exact, e.g. Oil change" />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="filter-from">Appointment from</Label>
          <Input id="filter-from" type="date" value={filters.appointmentFrom ?? ""} onChange={(event) => setParams({ from: event.target.value })} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="filter-to">Appointment to</Label>
          <Input id="filter-to" type="date" value={filters.appointmentTo ?? ""} onChange={(event) => setParams({ to: event.target.value })} />
        </div>
        <div className="grid grid-cols-2 gap-3">
          <FilterSelect id="filter-rating" label="Rating" value={filters.rating ? String(filters.rating) : undefined} onChange={(rating) => setParams({ rating })} options={["5", "4", "3", "2", "1"].map((value) => ({ value, label: `${value} ★` }))} />
          <FilterSelect id="filter-dnc" label="Do not call" value={filters.doNotCall} onChange={(dnc) => setParams({ dnc })} options={[{ value: "yes", label: "Yes" }, { value: "no", label: "No" }]} />
        </div>
      </div>

      {query.isError ? (
        <ErrorState message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : !query.data ? (
        <Skeleton className="h-96 w-full" />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<Users />}
          title={filtered ? "No customer matches these filters" : "No customers yet"}
          description={filtered ? "Try fewer words or clear a filter." : "Import your service records from a CSV file, or add a customer by hand."}
          action={
            filtered ? (
              <Button variant="outline" onClick={() => { setSearch(""); setServiceType(""); router.replace("/customers"); }}>
                Clear filters
              </Button>
            ) : (
              <Button asChild>
                <Link href="/customers/import">Import CSV</Link>
              </Button>
            )
          }
        />
      ) : (
        <>
          <Table aria-label="Customers" aria-busy={query.isFetching || undefined}>
            <TableHeader>
              <TableRow>
                <TableHead>Customer</TableHead>
                <TableHead>Phone</TableHead>
                <TableHead>Vehicle</TableHead>
                <TableHead>Service</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Appointment</TableHead>
                <TableHead>Campaign</TableHead>
                <TableHead className="text-right">Rating</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {items.map((record) => (
                <TableRow key={String(record.id)}>
                  <TableCell>
                    <Link href={`/customers/${record.id}`} className="font-medium underline-offset-4 hover:underline">
                      {record.customerName ?? "Unnamed"}
                    </Link>
                    {record.doNotCall ? <Badge variant="destructive" className="ml-2">Do not call</Badge> : null}
                  </TableCell>
                  <TableCell className="whitespace-nowrap tabular-nums">{record.customerPhoneDisplay || "—"}</TableCell>
                  <TableCell>{record.vehicleInfo ?? "—"}</TableCell>
                  <TableCell>{record.serviceType ?? "—"}</TableCell>
                  <TableCell>
                    <Badge variant="outline">{record.status}</Badge>
                  </TableCell>
                  <TableCell className="whitespace-nowrap">{formatDateTime(record.appointmentDate, timezone)}</TableCell>
                  <TableCell>{record.campaign ? <Link href={`/campaigns/${record.campaign.id}`} className="underline-offset-4 hover:underline">{record.campaign.name}</Link> : "—"}</TableCell>
                  <TableCell className="text-right tabular-nums">{record.rating ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          {query.hasNextPage ? (
            <div className="flex justify-center">
              <Button variant="outline" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
                Show more
              </Button>
            </div>
          ) : null}
        </>
      )}

      <Dialog open={creating} onOpenChange={setCreating}>
        <DialogContent className="max-h-[90vh] overflow-y-auto sm:max-w-2xl">
          <DialogHeader>
            <DialogTitle>Add customer</DialogTitle>
            <DialogDescription>A service record the voice agents can call.</DialogDescription>
          </DialogHeader>
          <ServiceRecordForm timezone={timezone} onSaved={(id) => { setCreating(false); router.push(`/customers/${id}`); }} />
        </DialogContent>
      </Dialog>
    </div>
  );
}
