"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState } from "react";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { LazySelect } from "@/components/ui/lazy-select";
import { toast } from "@/components/ui/toaster";
import { useTRPC } from "@/lib/trpc/react";
import type { BookingStatus } from "@/lib/validation/booking";
import { bookingStatuses } from "@/lib/value-sets";
import type { AppRouter } from "@/server/api/root";

// Apart from ./booking-dialog.tsx: the board shows this select on every booking, the dialog loads when it opens.

type SavedStatus = inferRouterOutputs<AppRouter>["booking"]["setStatus"];

export const statusLabels: Record<BookingStatus, string> = { Pending: "Pending", Confirmed: "Confirmed", Completed: "Completed", Cancelled: "Cancelled", NoShow: "No-show" };

/** Changes the status right away (booking.setStatus); cancelling asks first. */
export function StatusSelect({ booking, onChanged, id }: { booking: { id: bigint; status: string; serviceRecord: { customerName: string | null } | null }; onChanged?: (saved: SavedStatus) => void; id?: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const name = booking.serviceRecord?.customerName ?? "this customer";
  const setStatus = useMutation(
    trpc.booking.setStatus.mutationOptions({
      onSuccess: (saved) => {
        toast.success(`Booking ${statusLabels[saved.status as BookingStatus]?.toLowerCase() ?? saved.status}`);
        setConfirmingCancel(false);
        void queryClient.invalidateQueries({ queryKey: trpc.booking.pathKey() });
        onChanged?.(saved);
      },
      onError: (error) => toast.error("The status did not change", { description: error.message }),
    }),
  );
  const change = (status: string) => (status === "Cancelled" ? setConfirmingCancel(true) : setStatus.mutate({ id: booking.id, status: status as BookingStatus }));
  return (
    <>
      <div className="w-36">
        <LazySelect
          id={id}
          className="h-8"
          aria-label={id ? undefined : `Status of ${name}`}
          value={booking.status}
          onValueChange={change}
          disabled={setStatus.isPending}
          options={bookingStatuses.map((status) => ({ value: status, label: statusLabels[status] }))}
        />
      </div>
      <CancelBookingConfirm open={confirmingCancel} onOpenChange={setConfirmingCancel} name={name} loading={setStatus.isPending} onConfirm={() => setStatus.mutate({ id: booking.id, status: "Cancelled" })} />
    </>
  );
}

export function CancelBookingConfirm({ open, onOpenChange, name, loading, onConfirm }: { open: boolean; onOpenChange: (open: boolean) => void; name: string; loading: boolean; onConfirm: () => void }) {
  return (
    <ConfirmDialog
      open={open}
      onOpenChange={onOpenChange}
      title={`Cancel the booking of ${name}?`}
      description="The appointment is marked Cancelled and no longer counts as booked. You can set it back to Pending or Confirmed later."
      confirmLabel="Cancel booking"
      cancelLabel="Keep booking"
      destructive
      loading={loading}
      onConfirm={onConfirm}
    />
  );
}
