"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import type { FieldPath } from "react-hook-form";
import { handleEditConflict } from "@/components/ui/edit-conflict";
import { Button } from "@/components/ui/button";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { formatPhone } from "@/lib/format-phone";
import { useTRPC } from "@/lib/trpc/react";
import { serviceRecordInput } from "@/lib/validation/service-record";
import type { ServiceRecordFormValues, ServiceRecordInput } from "@/lib/validation/service-record";
import { serviceRecordStatuses } from "@/lib/value-sets";
import { localInputValue, zonedToDate } from "@/lib/zoned-time";

type ServerError = { message: string; data?: { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null } | null };

export type EditableRecord = {
  id: bigint;
  campaignId: bigint | null;
  customerName: string | null;
  customerPhone: string | null;
  vehicleInfo: string | null;
  serviceType: string | null;
  status: string;
  appointmentDate: Date | null;
  rating: number | null;
  feedback: string | null;
  doNotCall: boolean;
  updatedAt?: Date;
};

export function ServiceRecordForm({ record, timezone, onSaved }: { record?: EditableRecord; timezone: string; onSaved?: (id: bigint) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const campaigns = useQuery(trpc.campaign.list.queryOptions({ sort: "name", direction: "asc" }));
  const form = useForm<ServiceRecordFormValues, unknown, ServiceRecordInput>({
    resolver: zodResolver(serviceRecordInput),
    defaultValues: {
      customerName: record?.customerName ?? "",
      customerPhone: formatPhone(record?.customerPhone),
      vehicleInfo: record?.vehicleInfo ?? "",
      serviceType: record?.serviceType ?? "",
      status: (record?.status as ServiceRecordInput["status"]) ?? "Scheduled",
      appointmentDate: localInputValue(record?.appointmentDate ?? null, timezone),
      rating: record?.rating ? String(record.rating) : "",
      feedback: record?.feedback ?? "",
      doNotCall: record?.doNotCall ?? false,
      campaignId: record?.campaignId ? String(record.campaignId) : "",
    },
    mode: "onBlur",
  });
  const { errors } = form.formState;
  const options = {
    onSuccess: (saved: { id: bigint }) => {
      toast.success(record ? "Customer saved" : "Customer added");
      void queryClient.invalidateQueries({ queryKey: trpc.serviceRecord.pathKey() });
      onSaved?.(saved.id);
    },
    onError: (error: ServerError) => {
      if (record && handleEditConflict(error, () => void queryClient.invalidateQueries({ queryKey: trpc.serviceRecord.pathKey() }).then(() => onSaved?.(record.id)))) return;
      for (const [field, messages] of Object.entries(error.data?.zodError?.fieldErrors ?? {})) {
        if (messages?.[0]) form.setError(field as FieldPath<ServiceRecordFormValues>, { message: messages[0] });
      }
      toast.error("The customer was not saved", { description: error.message });
    },
  };
  const create = useMutation(trpc.serviceRecord.create.mutationOptions(options));
  const update = useMutation(trpc.serviceRecord.update.mutationOptions(options));
  const pending = create.isPending || update.isPending;
  const onSubmit = form.handleSubmit(() => {
    const values = form.getValues();
    const appointment = typeof values.appointmentDate === "string" && values.appointmentDate ? zonedToDate(values.appointmentDate, timezone) : null;
    const payload = { ...values, appointmentDate: appointment };
    if (record) update.mutate({ ...payload, id: record.id, expectedUpdatedAt: record.updatedAt });
    else create.mutate(payload);
  });
  const text = (name: "customerName" | "customerPhone" | "vehicleInfo" | "serviceType") => ({ ...fieldA11y(name, errors[name]?.message), ...form.register(name) });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={record ? "Edit customer" : "New customer"} className="grid gap-4 sm:grid-cols-2">
      <FormField label="Customer name" htmlFor="customerName" error={errors.customerName?.message} required>
        <Input {...text("customerName")} required />
      </FormField>
      <FormField label="Phone" htmlFor="customerPhone" error={errors.customerPhone?.message}>
        <Input {...text("customerPhone")} type="tel" />
      </FormField>
      <FormField label="Vehicle" htmlFor="vehicleInfo" error={errors.vehicleInfo?.message}>
        <Input {...text("vehicleInfo")} placeholder="2019 Honda Civic" />
      </FormField>
      <FormField label="Service type" htmlFor="serviceType" error={errors.serviceType?.message}>
        <Input {...text("serviceType")} placeholder="Oil change" />
      </FormField>
      <FormField label="Status" htmlFor="status" error={errors.status?.message}>
        <Controller
          control={form.control}
          name="status"
          render={({ field }) => (
            <Select value={field.value ?? "Scheduled"} onValueChange={field.onChange}>
              <SelectTrigger {...fieldA11y("status", errors.status?.message)}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {serviceRecordStatuses.map((status) => (
                  <SelectItem key={status} value={status}>
                    {status}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        />
      </FormField>
      <FormField label="Campaign" htmlFor="campaignId" error={errors.campaignId?.message}>
        <Controller
          control={form.control}
          name="campaignId"
          render={({ field }) => (
            <Select value={field.value ? String(field.value) : "none"} onValueChange={(value) => field.onChange(value === "none" ? "" : value)}>
              <SelectTrigger {...fieldA11y("campaignId", errors.campaignId?.message)}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="none">No campaign</SelectItem>
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
      <FormField label={`Appointment (${timezone})`} htmlFor="appointmentDate" error={errors.appointmentDate?.message}>
        <Input type="datetime-local" {...fieldA11y("appointmentDate", errors.appointmentDate?.message)} {...form.register("appointmentDate")} />
      </FormField>
      <FormField label="Rating (1–5)" htmlFor="rating" error={errors.rating?.message}>
        <Input type="number" min={1} max={5} inputMode="numeric" {...fieldA11y("rating", errors.rating?.message)} {...form.register("rating")} />
      </FormField>
      <FormField label="Feedback" htmlFor="feedback" error={errors.feedback?.message} className="sm:col-span-2">
        <Textarea rows={3} {...fieldA11y("feedback", errors.feedback?.message)} {...form.register("feedback")} />
      </FormField>
      <Controller
        control={form.control}
        name="doNotCall"
        render={({ field }) => (
          <div className="flex items-center justify-between gap-4 sm:col-span-2">
            <label htmlFor="doNotCall" className="text-sm">
              <span className="font-medium">Do not call</span>
              <span className="block text-muted-foreground">The voice agents never call this customer.</span>
            </label>
            <Switch id="doNotCall" checked={Boolean(field.value)} onCheckedChange={field.onChange} />
          </div>
        )}
      />
      <div className="flex justify-end sm:col-span-2">
        <Button type="submit" loading={pending}>
          {record ? "Save customer" : "Add customer"}
        </Button>
      </div>
    </form>
  );
}
