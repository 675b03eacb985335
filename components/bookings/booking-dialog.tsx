"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { CalendarX2, Phone, User } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import type { FieldPath } from "react-hook-form";
import type { z } from "zod";
import { localInputValue, zonedToDate } from "@/lib/zoned-time";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { formatDateTime } from "@/lib/format";
import { formatPhone } from "@/lib/format-phone";
import { useTRPC } from "@/lib/trpc/react";
import { bookingEditForm, openBookingStatuses } from "@/lib/validation/booking";
import type { BookingEditValues } from "@/lib/validation/booking";
import type { AppRouter } from "@/server/api/root";
import { CancelBookingConfirm, StatusSelect } from "./booking-status-select";

export type BookingDetail = inferRouterOutputs<AppRouter>["booking"]["byId"];
type SavedStatus = inferRouterOutputs<AppRouter>["booking"]["setStatus"];
type ServerError = { message: string; data?: { code?: string; zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } | null };

const formValues = (booking: BookingDetail, timezone: string): BookingEditValues => ({
  scheduledTime: localInputValue(booking.scheduledTime, timezone),
  campaignId: booking.campaignId ? String(booking.campaignId) : "",
});

function Origin({ booking, timezone }: { booking: BookingDetail; timezone: string }) {
  const record = booking.serviceRecord;
  return (
    <dl className="grid gap-3 rounded-md border border-border bg-muted/40 p-3 text-sm sm:grid-cols-2">
      <div className="min-w-0">
        <dt className="flex items-center gap-1.5 text-xs font-medium text-muted-foreground">
          <User className="size-3.5" aria-hidden /> Service record
        </dt>
        <dd className="mt-1">
          {record ? (
            <>
              <Link href={`/customers/${record.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
                {record.customerName ?? `Record #${String(record.id)}`}
              </Link>
              <span className="block truncate text-xs text-muted-foreground">{[formatPhone(record.customerPhone), record.vehicleInfo, record.serviceType].filter(Boolean).join(" · ") || "No details"}</span>
            </>
          ) : (
            <span className="text-muted-foreground">None</span>
          )}
        </dd>
      </div>
      <div className="min-w-0">
        <dt className="flex items-center gap-1.5 text-xs font-medium text-muted-foreground">
          <Phone className="size-3.5" aria-hidden /> Call
        </dt>
        <dd className="mt-1">
          {booking.call ? (
            <>
              <Link href={`/calls/${booking.call.id}`} className="font-medium text-primary underline-offset-4 hover:underline">
                Call #{String(booking.call.id)}
              </Link>
              {booking.call.startTime ? <span className="block text-xs text-muted-foreground">{formatDateTime(booking.call.startTime, timezone)}</span> : null}
            </>
          ) : (
            <span className="text-muted-foreground">Booked without a call</span>
          )}
        </dd>
      </div>
    </dl>
  );
}

/** The edit form of one booking, against the version it was opened with (sent as expectedUpdatedAt). */
function BookingEditor({ initial, timezone, onDone }: { initial: BookingDetail; timezone: string; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [version, setVersion] = useState(initial);
  const [conflict, setConflict] = useState<string | null>(null);
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const campaigns = useQuery(trpc.campaign.list.queryOptions({ sort: "name", direction: "asc" }));
  const form = useForm<BookingEditValues, unknown, z.output<typeof bookingEditForm>>({ resolver: zodResolver(bookingEditForm), defaultValues: formValues(initial, timezone), mode: "onBlur" });
  const { errors } = form.formState;
  const invalidate = () => void queryClient.invalidateQueries({ queryKey: trpc.booking.pathKey() });

  /** Puts the booking as it is now into the form: after a conflict, or a change made elsewhere. */
  const reload = async (message: string) => {
    try {
      const fresh = await queryClient.fetchQuery({ ...trpc.booking.byId.queryOptions({ id: String(version.id) }), staleTime: 0 });
      setVersion(fresh);
      form.reset(formValues(fresh, timezone));
      setConflict(message);
    } catch (error) {
      setConflict(error instanceof Error ? error.message : "This booking could not be loaded again.");
    }
  };

  const update = useMutation(
    trpc.booking.update.mutationOptions({
      onSuccess: (saved) => {
        toast.success("Booking saved", { description: `${saved.serviceRecord?.customerName ?? "The customer"}: ${formatDateTime(saved.scheduledTime, timezone)}` });
        invalidate();
        onDone();
      },
      onError: (error: ServerError) => {
        if (error.data?.code === "CONFLICT") {
          toast.error("Not saved: the booking changed", { description: "Their version is in the form now." });
          void reload(error.message);
          invalidate();
          return;
        }
        for (const [field, messages] of Object.entries(error.data?.zodError?.fieldErrors ?? {})) {
          if (messages?.[0] && (field === "scheduledTime" || field === "campaignId")) form.setError(field as FieldPath<BookingEditValues>, { message: messages[0] });
        }
        toast.error("The booking was not saved", { description: error.message });
      },
    }),
  );

  // A status change bumps the version: keep editing on top of it unless it also moved the booking.
  const onStatusChanged = (saved: SavedStatus) => {
    const unchanged = saved.scheduledTime?.getTime() === version.scheduledTime?.getTime() && saved.campaignId === version.campaignId && saved.callId === version.callId;
    if (unchanged) setVersion({ ...version, status: saved.status, updatedAt: saved.updatedAt });
    else void reload("Someone else changed this booking meanwhile. Their version is in the form now.");
  };
  const cancel = useMutation(
    trpc.booking.setStatus.mutationOptions({
      onSuccess: () => {
        toast.success("Booking cancelled");
        setConfirmingCancel(false);
        invalidate();
        onDone();
      },
      onError: (error) => toast.error("The booking was not cancelled", { description: error.message }),
    }),
  );

  const onSubmit = form.handleSubmit((values) => {
    setConflict(null);
    update.mutate({ id: version.id, expectedUpdatedAt: version.updatedAt, scheduledTime: zonedToDate(values.scheduledTime, timezone), campaignId: values.campaignId ?? null });
  });
  const name = version.serviceRecord?.customerName ?? "this customer";

  return (
    <>
      <DialogHeader>
        <DialogTitle>Booking: {version.serviceRecord?.customerName ?? "Unknown customer"}</DialogTitle>
        <DialogDescription>{version.scheduledTime ? `${formatDateTime(version.scheduledTime, timezone)} (${timezone})` : "No time set"}</DialogDescription>
      </DialogHeader>
      <Origin booking={version} timezone={timezone} />
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex items-center gap-2">
          <Label htmlFor="booking-status">Status</Label>
          <StatusSelect id="booking-status" booking={version} onChanged={onStatusChanged} />
        </div>
        {openBookingStatuses.some((status) => status === version.status) ? (
          <Button variant="outline" size="sm" className="text-destructive" onClick={() => setConfirmingCancel(true)}>
            <CalendarX2 aria-hidden /> Cancel booking
          </Button>
        ) : null}
      </div>
      {conflict ? (
        <p role="alert" className="rounded-md border border-warning/50 bg-warning/10 p-3 text-sm">
          {conflict} Check the time and campaign below, then save again.
        </p>
      ) : null}
      <form noValidate aria-label="Edit booking" className="grid gap-4" onSubmit={onSubmit}>
        <div className="grid gap-4 sm:grid-cols-2">
          <FormField label={`Date and time (${timezone})`} htmlFor="booking-scheduledTime" error={errors.scheduledTime?.message} required className="content-start">
            <Input type="datetime-local" className="dark:[color-scheme:dark]" {...fieldA11y("booking-scheduledTime", errors.scheduledTime?.message)} {...form.register("scheduledTime")} required />
          </FormField>
          <FormField label="Campaign" htmlFor="booking-campaignId" error={errors.campaignId?.message} className="content-start">
            <Controller
              control={form.control}
              name="campaignId"
              render={({ field }) => (
                <Select value={field.value ? String(field.value) : "none"} onValueChange={(value) => field.onChange(value === "none" ? "" : value)}>
                  <SelectTrigger {...fieldA11y("booking-campaignId", errors.campaignId?.message)} onBlur={field.onBlur}>
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    <SelectItem value="none">No campaign</SelectItem>
                    {version.campaign && !(campaigns.data ?? []).some((campaign) => campaign.id === version.campaign?.id) ? (
                      <SelectItem value={String(version.campaign.id)}>{version.campaign.name}</SelectItem>
                    ) : null}
                    {(campaigns.data ?? []).map((campaign) => (
                      <SelectItem key={String(campaign.id)} value={String(campaign.id)}>
                        {campaign.name}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
            />
          </FormField>
        </div>
        <DialogFooter>
          <Button variant="outline" onClick={onDone} disabled={update.isPending}>
            Close
          </Button>
          <Button type="submit" loading={update.isPending}>
            Save changes
          </Button>
        </DialogFooter>
      </form>
      <CancelBookingConfirm open={confirmingCancel} onOpenChange={setConfirmingCancel} name={name} loading={cancel.isPending} onConfirm={() => cancel.mutate({ id: version.id, status: "Cancelled" })} />
    </>
  );
}

/** Opens a booking: where it came from, its status, and a form to reschedule or relink it. */
export function BookingDialog({ booking, timezone, onClose }: { booking: BookingDetail | null; timezone: string; onClose: () => void }) {
  return (
    <Dialog open={booking !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent className="max-w-xl">{booking ? <BookingEditor key={String(booking.id)} initial={booking} timezone={timezone} onDone={onClose} /> : null}</DialogContent>
    </Dialog>
  );
}
