"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { CalendarDays, ChevronLeft, ChevronRight, Pencil } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { useUrlFilters } from "@/components/campaigns/use-url-filters";
import { zonedToDate } from "@/lib/zoned-time";
import type { inferRouterOutputs } from "@trpc/server";
import type { AppRouter } from "@/server/api/root";
import { StatusSelect, statusLabels } from "./booking-status-select";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Label } from "@/components/ui/label";
import { LazySelect } from "@/components/ui/lazy-select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tabs, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { cn, focusRing } from "@/components/ui/cn";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { bookingStatuses } from "@/lib/value-sets";
import { lazyDialog } from "@/components/ui/lazy";
import { dateTimeFormat } from "@/lib/intl";

const BookingDialog = lazyDialog(() => import("./booking-dialog").then((module) => module.BookingDialog), (props) => props.booking !== null);

const dayFormat = (timeZone: string) => dateTimeFormat({ timeZone, year: "numeric", month: "2-digit", day: "2-digit" }, "en-CA");

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

const dayLabel = (isoDate: string) => dateTimeFormat({ weekday: "short", month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${isoDate}T12:00:00Z`));
const timeLabel = (date: Date, timeZone: string) => dateTimeFormat({ hour: "numeric", minute: "2-digit", timeZone }).format(date);

type Booking = inferRouterOutputs<AppRouter>["booking"]["list"][number];

const statusBadge = (status: string) => (status === "Cancelled" || status === "NoShow" ? "destructive" : status === "Confirmed" ? "success" : status === "Completed" ? "neutral" : "outline");

const linkClass = "underline-offset-4 hover:underline";
const customerName = (booking: Booking) => booking.serviceRecord?.customerName ?? "Unknown customer";
const statusText = (status: string) => statusLabels[status as keyof typeof statusLabels] ?? status;

/** The campaign and call a booking came from. */
function Origin({ booking }: { booking: Booking }) {
  return (
    <span className="flex flex-wrap gap-x-2 text-xs text-muted-foreground">
      {booking.campaign ? (
        <Link href={`/campaigns/${booking.campaign.id}`} className={linkClass}>
          {booking.campaign.name}
        </Link>
      ) : null}
      {booking.call ? (
        <Link href={`/calls/${booking.call.id}`} className={linkClass}>
          Call #{String(booking.call.id)}
        </Link>
      ) : null}
    </span>
  );
}

function WeekCard({ booking, timezone, onOpen }: { booking: Booking; timezone: string; onOpen: () => void }) {
  const time = booking.scheduledTime ? timeLabel(booking.scheduledTime, timezone) : "";
  return (
    <article className="flex flex-col rounded border border-border bg-card text-sm shadow-sm">
      <button
        type="button"
        onClick={onOpen}
        aria-label={`${time} ${customerName(booking)}, ${statusText(booking.status)}: open booking`}
        className={cn("flex w-full min-w-0 flex-col items-start gap-1 rounded-t p-2 text-left transition-colors hover:bg-muted/60", focusRing)}
      >
        <span className="font-medium tabular-nums">{time}</span>
        <span className="w-full truncate">{customerName(booking)}</span>
        <Badge variant={statusBadge(booking.status)}>{statusText(booking.status)}</Badge>
      </button>
      {booking.call ? (
        <Link href={`/calls/${booking.call.id}`} className={cn("px-2 pb-2 text-xs text-muted-foreground", linkClass)}>
          Call #{String(booking.call.id)}
        </Link>
      ) : null}
    </article>
  );
}

function EditButton({ booking, onOpen }: { booking: Booking; onOpen: () => void }) {
  return (
    <Button variant="outline" size="sm" onClick={onOpen} aria-label={`Edit the booking of ${customerName(booking)}`}>
      <Pencil aria-hidden /> Edit
    </Button>
  );
}

function CustomerLink({ booking }: { booking: Booking }) {
  if (!booking.serviceRecord) return <>—</>;
  return (
    <Link href={`/customers/${booking.serviceRecord.id}`} className={cn("font-medium", linkClass)}>
      {customerName(booking)}
    </Link>
  );
}

const vehicleAndService = (booking: Booking) => [booking.serviceRecord?.vehicleInfo, booking.serviceRecord?.serviceType].filter(Boolean).join(" · ") || "—";

function BookingList({ bookings, timezone, onOpen }: { bookings: Booking[]; timezone: string; onOpen: (booking: Booking) => void }) {
  return (
    <>
      <ul aria-label="Bookings" className="flex flex-col gap-3 md:hidden">
        {bookings.map((booking) => (
          <li key={String(booking.id)} className="flex flex-col gap-2 rounded-lg border border-border bg-card p-3 text-sm">
            <div className="flex items-start justify-between gap-2">
              <div className="min-w-0">
                <p className="font-medium">{formatDateTime(booking.scheduledTime, timezone)}</p>
                <CustomerLink booking={booking} />
                <span className="block text-xs text-muted-foreground">{[booking.serviceRecord?.customerPhoneDisplay, vehicleAndService(booking)].filter(Boolean).join(" · ")}</span>
              </div>
              <EditButton booking={booking} onOpen={() => onOpen(booking)} />
            </div>
            <Origin booking={booking} />
            <StatusSelect booking={booking} />
          </li>
        ))}
      </ul>
      <Table aria-label="Bookings" containerClassName="hidden md:block">
        <TableHeader>
          <TableRow>
            <TableHead>When</TableHead>
            <TableHead>Customer</TableHead>
            <TableHead>Vehicle and service</TableHead>
            <TableHead>From</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>
              <span className="sr-only">Actions</span>
            </TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {bookings.map((booking) => (
            <TableRow key={String(booking.id)}>
              <TableCell className="whitespace-nowrap">{formatDateTime(booking.scheduledTime, timezone)}</TableCell>
              <TableCell>
                <CustomerLink booking={booking} />
                <span className="block text-xs text-muted-foreground">{booking.serviceRecord?.customerPhoneDisplay}</span>
              </TableCell>
              <TableCell>{vehicleAndService(booking)}</TableCell>
              <TableCell>
                <Origin booking={booking} />
              </TableCell>
              <TableCell>
                <StatusSelect booking={booking} />
              </TableCell>
              <TableCell className="text-right">
                <EditButton booking={booking} onOpen={() => onOpen(booking)} />
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </>
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
  const [opened, setOpened] = useState<Booking | null>(null);
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
            <LazySelect
              id="booking-status"
              className="w-36"
              value={status ?? "all"}
              onValueChange={(value) => setParams({ status: value === "all" ? null : value })}
              options={[{ value: "all", label: "All statuses" }, ...bookingStatuses.map((value) => ({ value, label: value }))]}
            />
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
                <WeekCard key={String(booking.id)} booking={booking} timezone={timezone} onOpen={() => setOpened(booking)} />
              ))}
            </section>
          ))}
        </div>
      ) : query.data.length === 0 ? (
        <EmptyState icon={<CalendarDays />} title="No bookings this week" description="Bookings come from calls, or from “Book appointment” on a customer's page. Try another week." />
      ) : (
        <BookingList bookings={query.data} timezone={timezone} onOpen={setOpened} />
      )}
      <BookingDialog booking={opened} timezone={timezone} onClose={() => setOpened(null)} />
    </div>
  );
}
