"use client";

import { useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { Plus, Wallet } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { methodLabels, PaymentStatusSelect, statusLabels } from "@/components/admin/payment-status-select";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { ErrorState } from "@/components/ui/error-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { lazyDialogPart } from "@/components/ui/lazy";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, formatMoney, formatNumber } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { paymentStatuses } from "@/lib/value-sets";
import type { PaymentFilters } from "@/lib/validation/payment";

const allValue = "all";
const PaymentForm = lazyDialogPart(() => import("@/components/admin/credit-and-payment-forms").then((module) => module.PaymentForm));

/**
 * Payments with filters in the URL and totals per status. "platform": every organization, editable; "own": read-only.
 * `filters`: the URL's, parsed by the page (lib/validation/payment.ts paymentFiltersFromParams).
 */
export function PaymentTable({ scope, filters, timeZone }: { scope: "platform" | "own"; filters: PaymentFilters; timeZone?: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [recording, setRecording] = useState(false);
  const organizations = useQuery({ ...trpc.organization.list.queryOptions({ pageSize: 100 }), enabled: scope === "platform" });
  const platformPages = useInfiniteQuery({ ...trpc.payment.list.infiniteQueryOptions(filters, { getNextPageParam: (page) => page.nextCursor ?? undefined }), enabled: scope === "platform" });
  const ownPages = useInfiniteQuery({
    ...trpc.payment.listOwn.infiniteQueryOptions({ status: filters.status, from: filters.from, to: filters.to, limit: filters.limit }, { getNextPageParam: (page) => page.nextCursor ?? undefined }),
    enabled: scope === "own",
  });
  const pages = scope === "platform" ? platformPages : ownPages;
  const rows = pages.data?.pages.flatMap((page) => page.items) ?? [];
  const totals = pages.data?.pages[0]?.totals ?? [];

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(searchParams.toString());
    if (!value || value === allValue) next.delete(key);
    else next.set(key, value);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };

  return (
    <div className="flex flex-col gap-4">
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {paymentStatuses.map((status) => {
          const total = totals.find((row) => row.status === status);
          return (
            <Card key={status}>
              <CardContent className="pt-5">
                <p className="text-xs text-muted-foreground">{statusLabels[status]}</p>
                <p className="text-lg font-semibold tabular-nums" data-testid={`total-${status}`}>
                  {formatMoney(total?.amount ?? "0")}
                </p>
                <p className="text-xs text-muted-foreground">{formatNumber(total?.count ?? 0)} payments</p>
              </CardContent>
            </Card>
          );
        })}
      </div>
      <div className="flex flex-wrap items-end gap-3">
        {scope === "platform" ? (
          <FilterSelect
            id="payment-organization-filter"
            label="Organization"
            value={filters.organizationId}
            onChange={(value) => setFilter("organizationId", value)}
            options={(organizations.data?.items ?? []).map((organization) => ({ value: organization.id, label: organization.name }))}
            anyLabel="All organizations"
            triggerClassName="w-52"
          />
        ) : null}
        <FilterSelect
          id="payment-status-filter"
          label="Status"
          value={filters.status}
          onChange={(value) => setFilter("status", value)}
          options={paymentStatuses.map((status) => ({ value: status, label: statusLabels[status] }))}
          anyLabel="All"
        />
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="payment-from">From</Label>
          <Input id="payment-from" type="date" className="w-40" defaultValue={filters.from} onChange={(event) => setFilter("from", event.target.value)} />
        </div>
        <div className="flex flex-col gap-1.5">
          <Label htmlFor="payment-to">To</Label>
          <Input id="payment-to" type="date" className="w-40" defaultValue={filters.to} onChange={(event) => setFilter("to", event.target.value)} />
        </div>
        {scope === "platform" ? (
          <Button className="ml-auto" onClick={() => setRecording(true)}>
            <Plus aria-hidden className="size-4" /> Record payment
          </Button>
        ) : null}
      </div>
      {pages.isError ? (
        <ErrorState message={pages.error.message} onRetry={() => void pages.refetch()} />
      ) : pages.isPending ? (
        <Skeleton className="h-64 w-full" />
      ) : rows.length === 0 ? (
        <EmptyState icon={<Wallet />} title="No payments match" description={scope === "platform" ? "Change the filters, or record a payment." : "Payments recorded by AutoPulse appear here."} />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Date</TableHead>
              {scope === "platform" ? <TableHead>Organization</TableHead> : null}
              <TableHead>Method</TableHead>
              <TableHead>Plan</TableHead>
              <TableHead className="text-right">Amount</TableHead>
              <TableHead>Status</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((payment) => (
              <TableRow key={String(payment.id)}>
                <TableCell className="whitespace-nowrap">{formatDateTime(payment.paymentDate, timeZone)}</TableCell>
                {scope === "platform" ? <TableCell>{payment.organization.name}</TableCell> : null}
                <TableCell>{methodLabels[payment.method as keyof typeof methodLabels] ?? payment.method ?? "—"}</TableCell>
                <TableCell>{payment.plan?.name ?? "—"}</TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(payment.amount)}</TableCell>
                <TableCell>{scope === "platform" ? <PaymentStatusSelect id={payment.id} status={payment.status} /> : (statusLabels[payment.status as keyof typeof statusLabels] ?? payment.status)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {pages.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="outline" loading={pages.isFetchingNextPage} onClick={() => void pages.fetchNextPage()}>
            Show more
          </Button>
        </div>
      ) : null}
      <Dialog open={recording} onOpenChange={setRecording}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Record a payment</DialogTitle>
            <DialogDescription>A succeeded payment adds its amount to the organization&apos;s balance.</DialogDescription>
          </DialogHeader>
          {recording ? <PaymentForm onDone={() => setRecording(false)} /> : null}
        </DialogContent>
      </Dialog>
    </div>
  );
}
