"use client";

import { keepPreviousData, useInfiniteQuery, useMutation, useQueryClient } from "@tanstack/react-query";
import { Inbox, Pencil, Plus, UserPlus } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useUrlFilters } from "@/components/campaigns/use-url-filters";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { LazySelect } from "@/components/ui/lazy-select";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { toast } from "@/components/ui/toaster";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { inquiryStatuses } from "@/lib/value-sets";
import type { InquiryDetail } from "./inquiry-form";
import { lazyDialogPart } from "@/components/ui/lazy";

const InquiryForm = lazyDialogPart(() => import("./inquiry-form").then((module) => module.InquiryForm));

const statusLabels: Record<string, string> = { New: "New", InProgress: "In progress", Resolved: "Resolved", Closed: "Closed" };

export function InquiryInbox({ timezone }: { timezone: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { params, setParams } = useUrlFilters();
  const status = inquiryStatuses.find((value) => value === params.status);
  const [creating, setCreating] = useState(false);
  const [editing, setEditing] = useState<InquiryDetail | null>(null);
  const [converting, setConverting] = useState<{ id: bigint; name: string } | null>(null);
  const query = useInfiniteQuery({ ...trpc.inquiry.list.infiniteQueryOptions({ status, limit: 25 }, { getNextPageParam: (page) => page.nextCursor }), placeholderData: keepPreviousData });
  const invalidate = () => void queryClient.invalidateQueries({ queryKey: trpc.inquiry.pathKey() });
  const setStatus = useMutation(trpc.inquiry.setStatus.mutationOptions({ onSuccess: invalidate, onError: (error) => toast.error("The status did not change", { description: error.message }) }));
  const convert = useMutation(
    trpc.inquiry.convertToServiceRecord.mutationOptions({
      onSuccess: (result) => {
        toast.success("Customer created from the inquiry");
        setConverting(null);
        invalidate();
        router.push(`/customers/${result.serviceRecordId}`);
      },
      onError: (error) => toast.error("The inquiry was not converted", { description: error.message }),
    }),
  );
  const items = query.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <Tabs value={status ?? "all"} onValueChange={(value) => setParams({ status: value === "all" ? null : value })}>
          <TabsList aria-label="Filter by status" className="flex-wrap">
            <TabsTrigger value="all">All</TabsTrigger>
            {inquiryStatuses.map((value) => (
              <TabsTrigger key={value} value={value}>
                {statusLabels[value]}
              </TabsTrigger>
            ))}
          </TabsList>
        </Tabs>
        <Button onClick={() => setCreating(true)}>
          <Plus aria-hidden /> New inquiry
        </Button>
      </div>

      {query.isError ? (
        <ErrorState message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : !query.data ? (
        <Skeleton className="h-96 w-full" />
      ) : items.length === 0 ? (
        <EmptyState icon={<Inbox />} title={status ? `No ${statusLabels[status]!.toLowerCase()} inquiries` : "The inbox is empty"} description="Inquiries from your website and phone land here. Add one by hand with “New inquiry”." />
      ) : (
        <ul className="flex flex-col gap-3" aria-label="Inquiries">
          {items.map((inquiry) => (
            <li key={String(inquiry.id)} className="rounded-lg border border-border bg-card p-4">
              <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
                <div className="min-w-0">
                  <p className="font-medium">{inquiry.customerName ?? "Unknown"}</p>
                  <p className="text-sm text-muted-foreground">
                    {[inquiry.phoneDisplay, inquiry.email].filter(Boolean).join(" · ")} · {formatDateTime(inquiry.createdAt, timezone)}
                  </p>
                  {inquiry.message ? <p className="mt-2 whitespace-pre-wrap text-sm">{inquiry.message}</p> : null}
                </div>
                <div className="flex shrink-0 flex-wrap items-center gap-2">
                  <Button variant="outline" onClick={() => setEditing(inquiry)} aria-label={`Edit the inquiry of ${inquiry.customerName ?? "unknown customer"}`}>
                    <Pencil aria-hidden /> Edit
                  </Button>
                  <div className="w-36">
                    <LazySelect
                      className="h-9"
                      aria-label={`Status of ${inquiry.customerName ?? "inquiry"}`}
                      value={inquiry.status}
                      onValueChange={(value) => setStatus.mutate({ id: inquiry.id, status: value as "New" })}
                      options={inquiryStatuses.map((value) => ({ value, label: statusLabels[value] }))}
                    />
                  </div>
                  {inquiry.status === "New" || inquiry.status === "InProgress" ? (
                    <Button variant="outline" onClick={() => setConverting({ id: inquiry.id, name: inquiry.customerName ?? "this customer" })}>
                      <UserPlus aria-hidden /> Make customer
                    </Button>
                  ) : null}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
      {query.hasNextPage ? (
        <div className="flex justify-center">
          <Button variant="outline" loading={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
            Show more
          </Button>
        </div>
      ) : null}

      <Dialog open={creating} onOpenChange={setCreating}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>New inquiry</DialogTitle>
            <DialogDescription>A phone number or an email is needed to answer.</DialogDescription>
          </DialogHeader>
          <InquiryForm onSaved={() => setCreating(false)} onCancel={() => setCreating(false)} />
        </DialogContent>
      </Dialog>
      <Dialog open={editing !== null} onOpenChange={(open) => (open ? undefined : setEditing(null))}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Edit inquiry</DialogTitle>
            <DialogDescription>
              {editing ? `Received ${formatDateTime(editing.createdAt, timezone)}. ` : null}A phone number or an email is needed to answer.
            </DialogDescription>
          </DialogHeader>
          {editing ? <InquiryForm key={String(editing.id)} inquiry={editing} onSaved={() => setEditing(null)} onCancel={() => setEditing(null)} /> : null}
        </DialogContent>
      </Dialog>
      <ConfirmDialog
        open={converting !== null}
        onOpenChange={(open) => (open ? undefined : setConverting(null))}
        title={`Make ${converting?.name ?? ""} a customer?`}
        description="Creates a service record with the inquiry's name, phone and message, and marks the inquiry resolved."
        confirmLabel="Make customer"
        loading={convert.isPending}
        onConfirm={() => converting && convert.mutate({ id: converting.id })}
      />
    </div>
  );
}
