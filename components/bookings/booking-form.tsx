"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { zonedToDate } from "@/lib/zoned-time";
import { Button } from "@/components/ui/button";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { useTRPC } from "@/lib/trpc/react";

/** Books an appointment for a service record (and the call it came from, if any), at a local time of the organization. */
export function BookingForm({ serviceRecordId, callId, timezone, onSaved }: { serviceRecordId: bigint; callId?: bigint | null; timezone: string; onSaved?: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [when, setWhen] = useState("");
  const [error, setError] = useState<string | null>(null);
  const create = useMutation(
    trpc.booking.create.mutationOptions({
      onSuccess: () => {
        toast.success("Appointment booked");
        void queryClient.invalidateQueries({ queryKey: trpc.booking.pathKey() });
        void queryClient.invalidateQueries({ queryKey: trpc.serviceRecord.pathKey() });
        onSaved?.();
      },
      onError: (failure) => toast.error("The appointment was not booked", { description: failure.message }),
    }),
  );
  return (
    <form
      noValidate
      aria-label="Book an appointment"
      className="flex flex-col gap-4"
      onSubmit={(event) => {
        event.preventDefault();
        if (!when) return setError("Choose a date and time");
        setError(null);
        create.mutate({ serviceRecordId, callId: callId ?? null, scheduledTime: zonedToDate(when, timezone), status: "Confirmed" });
      }}
    >
      <FormField label={`Date and time (${timezone})`} htmlFor="scheduledTime" error={error} required>
        <Input type="datetime-local" {...fieldA11y("scheduledTime", error)} value={when} onChange={(event) => setWhen(event.target.value)} required />
      </FormField>
      <div className="flex justify-end">
        <Button type="submit" loading={create.isPending}>
          Book appointment
        </Button>
      </div>
    </form>
  );
}
