"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CalendarDays, ChevronLeft, ChevronRight } from "lucide-react";
import Link from "next/link";
import { useUrlFilters } from "@/components/campaigns/use-url-filters";
import { zonedToDate } from "@/components/customers/service-record-form";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { toast } from "@/components/ui/toaster";
import { formatDateTime, formatPhone } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { bookingStatuses } from "@/lib/value-sets";

const dayFormat = (timeZone: string) => new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });

function addDays(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of the week holding `isoDate`. */
function mondayOf(isoDate: string): string {
  const weekday = new Date(`${isoDate}T12:00:00Z`).getUTCDay();
  return addDays(isoDate, -((weekday + 6) % 7));
}

const dayLabel = (isoDate: string) => new Intl.DateTimeFormat("en-US", { weekday: "short", month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${isoDate}T12:00:00Z`));
const timeLabel = (date: Date, timeZone: string) => new Intl.DateTimeFormat("en-US", { hour: "numeric", minute: "2-digit", timeZone }).format(date);

type Booking = {
  id: bigint;
  scheduledTime: Date | null;
  status: string;
  campaign: { id: bigint; name: string } | null;
  serviceRecord: { id: bigint; customerName: string | null; customerPhone: string | null; vehicleInfo: string | null; serviceType: string | null } | null;
  call: { id: bigint } | null;
};

function StatusSelect({ booking }: { booking: Booking }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setStatus = useMutation(
    trpc.booking.setStatus.mutationOptions({
      onSuccess: (saved) => {
        toast.success(`Booking ${saved.status.toLowerCase()}`);
        void queryClient.invalidateQueries({ queryKey: trpc.booking.pathKey() });
      },
      onError: (error) => toast.error("The status did not change", { description: error.message }),
    }),
  );
  return (
    <Select value={booking.status} onValueChange={(status) => setStatus.mutate({ id: booking.id, status: status as "Pending" })} disabled={setStatus.isPending}>
      <SelectTrigger className="h-8 w-32" aria-label={`Status of ${booking.serviceRecord?.customerName ?? "booking"}`}>
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        {bookingStatuses.map((status) => (
          <SelectItem key={status} value={status}>
            {status}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}

function Links({ booking }: { booking: Booking }) {
  return (
    <span className="flex flex-wrap gap-x-2 text-xs text-muted-foreground">
      {booking.serviceRecord ? <Link href={`/customers/${booking.serviceRecord.id}`} className="underline-offset-4 hover:underline">Customer</Link> : null}
      {booking.campaign ? <Link href={`/campaigns/${booking.campaign.id}`} className="underline-offset-4 hover:underline">{booking.campaign.name}</Link> : null}
      {booking.call ? <Link href={`/calls/${booking.call.id}`} className="underline-offset-4 hover:underline">Call #{String(booking.call.id)}</Link> : null}
    </span>
  );
}

export function BookingBoard({ timezone }: { timezone: string }) {
  const trpc = useTRPC();
  const { params, setParams } = useUrlFilters();
  const today = dayFormat(timezone).format(new Date());
  const weekStart = mondayOf(/^\d{4}-\d{2}-\d{2}$/.test(params.week ?? "") ? params.week! : today);
  const view = params.view === "list" ? "list" : "week";
  const status = bookingStatuses.find((value) => value === params.status);
  const input = { from: zonedToDate(`${weekStart}T00:00`, timezone), to: zonedToDate(`${addDays(weekStart, 7)}T00:00`, timezone), status, limit: 500 };
  const query = useQuery({ ...trpc.booking.list.queryOptions(input), placeholderData: keepPreviousData });
  const days = Array.from({ length: 7 }, (_, index) => addDays(weekStart, index));
  const byDay = new Map<string, Booking[]>(days.map((day) => [day, []]));
  for (const booking of query.data ?? []) {
    if (!booking.scheduledTime) continue;
    byDay.get(dayFormat(timezone).format(booking.scheduledTime))?.push(booking);
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div className="flex items-center gap-2">
          <Button variant="outline" size="icon" aria-label="Previous week" onClick={() => setParams({ week: addDays(weekStart, -7) })}>
            <ChevronLeft aria-hidden />
          </Button>
          <Button variant="outline" onClick={() => setParams({ week: null })}>
            This week
          </Button>
          <Button variant="outline" size="icon" aria-label="Next week" onClick={() => setParams({ week: addDays(weekStart, 7) })}>
            <ChevronRight aria-hidden />
          </Button>
          <h2 className="ml-2 text-sm font-semibold" aria-live="polite">
            Week of {dayLabel(weekStart)}
          </h2>
        </div>
        <div className="flex items-end gap-3">
          <div className="grid gap-1.5">
            <Label htmlFor="booking-status">Status</Label>
            <Select value={status ?? "all"} onValueChange={(value) => setParams({ status: value === "all" ? null : value })}>
              <SelectTrigger id="booking-status" className="w-36">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="all">All statuses</SelectItem>
                {bookingStatuses.map((value) => (
                  <SelectItem key={value} value={value}>
                    {value}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </div>
          <Tabs value={view} onValueChange={(value) => setParams({ view: value === "list" ? "list" : null })}>
            <TabsList aria-label="View">
              <TabsTrigger value="week">Week</TabsTrigger>
              <TabsTrigger value="list">List</TabsTrigger>
            </TabsList>
          </Tabs>
        </div>
      </div>
      <p className="text-xs text-muted-foreground">Times in {timezone}.</p>

      {query.isError ? (
        <ErrorState message={query.error.message} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : !query.data ? (
        <Skeleton className="h-96 w-full" />
      ) : view === "week" ? (
        <div role="region" aria-label="Week view" className="grid gap-2 md:grid-cols-7">
          {days.map((day) => (
            <section key={day} aria-label={dayLabel(day)} className={`flex min-h-12 flex-col gap-2 md:min-h-32 rounded-md border border-border p-2 ${day === today ? "bg-primary/5" : ""}`}>
              <h3 className="text-xs font-semibold text-muted-foreground">{dayLabel(day)}</h3>
              {byDay.get(day)!.map((booking) => (
                <article key={String(booking.id)} className="rounded border border-border bg-card p-2 text-sm shadow-sm">
                  <p className="font-medium tabular-nums">{booking.scheduledTime ? timeLabel(booking.scheduledTime, timezone) : ""}</p>
                  <p className="truncate">{booking.serviceRecord?.customerName ?? "Unknown customer"}</p>
                  <Badge variant={booking.status === "Cancelled" || booking.status === "NoShow" ? "destructive" : booking.status === "Confirmed" ? "success" : "outline"}>{booking.status}</Badge>
                  <Links booking={booking} />
                </article>
              ))}
            </section>
          ))}
        </div>
      ) : query.data.length === 0 ? (
        <EmptyState icon={<CalendarDays />} title="No bookings this week" description="Bookings come from calls, or from “Book appointment” on a customer's page. Try another week." />
      ) : (
        <Table aria-label="Bookings">
          <TableHeader>
            <TableRow>
              <TableHead>When</TableHead>
              <TableHead>Customer</TableHead>
              <TableHead>Vehicle and service</TableHead>
              <TableHead>From</TableHead>
              <TableHead>Status</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {query.data.map((booking) => (
              <TableRow key={String(booking.id)}>
                <TableCell className="whitespace-nowrap">{formatDateTime(booking.scheduledTime, timezone)}</TableCell>
                <TableCell>
                  {booking.serviceRecord?.customerName ?? "—"}
                  <span className="block text-xs text-muted-foreground">{formatPhone(booking.serviceRecord?.customerPhone)}</span>
                </TableCell>
                <TableCell>{[booking.serviceRecord?.vehicleInfo, booking.serviceRecord?.serviceType].filter(Boolean).join(" · ") || "—"}</TableCell>
                <TableCell>
                  <Links booking={booking} />
                </TableCell>
                <TableCell>
                  <StatusSelect booking={booking} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </div>
  );
}
