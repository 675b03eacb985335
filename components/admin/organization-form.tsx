"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import { handleEditConflict } from "@/components/ui/edit-conflict";
import { Button } from "@/components/ui/button";
import { ChipInput } from "@/components/ui/chip-input";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { profileFormValues } from "@/lib/validation/organization-profile";
import type { OrganizationPhoneDisplays, StoredOrganizationProfile } from "@/lib/validation/organization-profile";
import { useTRPC } from "@/lib/trpc/react";
import { organizationAdminInput } from "@/lib/validation/organization-admin";
import type { OrganizationAdminFormValues, OrganizationAdminValues } from "@/lib/validation/organization-admin";
import { showServerErrors } from "./server-errors";
import type { ServerError } from "./server-errors";

export type EditableOrganization = StoredOrganizationProfile & OrganizationPhoneDisplays & {
  id: string;
  callConcurrencyLimit: number;
  planId: number | null;
  /** The version the form opened: a save over a newer one is refused. */
  updatedAt?: Date;
};

const noPlan = "none";

function toFormValues(organization: EditableOrganization | null): OrganizationAdminFormValues {
  if (!organization) {
    return { name: "", email: "", phoneSales: "", phoneSupport: "", phoneService: "", description: "", location: "", serviceTypes: [], focusAreas: [], hipaaCompliant: false, pciCompliant: false, callConcurrencyLimit: 1, planId: null };
  }
  return { ...profileFormValues(organization), callConcurrencyLimit: organization.callConcurrencyLimit, planId: organization.planId };
}

/** Create (organization = null) or edit every field of an organization. */
export function OrganizationForm({ organization, onDone }: { organization: EditableOrganization | null; onDone: (id: string) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const plans = useQuery(trpc.plan.list.queryOptions());
  const form = useForm<OrganizationAdminFormValues, unknown, OrganizationAdminValues>({ resolver: zodResolver(organizationAdminInput), defaultValues: toFormValues(organization) });
  const { errors } = form.formState;
  const options = {
    onSuccess: async (saved: { id: string }) => {
      await queryClient.invalidateQueries({ queryKey: trpc.organization.pathKey() });
      toast.success(organization ? "Organization saved" : "Organization created");
      onDone(saved.id);
    },
    onError: (error: ServerError) => {
      if (organization && handleEditConflict(error, () => void queryClient.invalidateQueries({ queryKey: trpc.organization.pathKey() }).then(() => onDone(organization.id)))) return;
      showServerErrors(form.setError, error, (field) => `Another organization already uses this ${field}.`);
      toast.error("The organization was not saved", { description: error.message });
    },
  };
  const create = useMutation(trpc.organization.create.mutationOptions(options));
  const update = useMutation(trpc.organization.update.mutationOptions(options));
  const pending = create.isPending || update.isPending;
  const onSubmit = form.handleSubmit(() => (organization ? update.mutate({ ...form.getValues(), id: organization.id, expectedUpdatedAt: organization.updatedAt }) : create.mutate(form.getValues())));
  const text = (name: "name" | "email" | "location" | "phoneSales" | "phoneSupport" | "phoneService" | "callConcurrencyLimit") => ({
    ...fieldA11y(name, errors[name]?.message),
    ...form.register(name),
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={organization ? "Edit organization" : "New organization"} className="grid gap-4 sm:grid-cols-2">
      <FormField label="Name" htmlFor="name" error={errors.name?.message} required>
        <Input {...text("name")} required autoComplete="off" />
      </FormField>
      <FormField label="Email" htmlFor="email" error={errors.email?.message} required>
        <Input {...text("email")} type="email" required autoComplete="off" />
      </FormField>
      <FormField label="Sales phone" htmlFor="phoneSales" error={errors.phoneSales?.message}>
        <Input {...text("phoneSales")} type="tel" />
      </FormField>
      <FormField label="Support phone" htmlFor="phoneSupport" error={errors.phoneSupport?.message}>
        <Input {...text("phoneSupport")} type="tel" />
      </FormField>
      <FormField label="Service phone" htmlFor="phoneService" error={errors.phoneService?.message}>
        <Input {...text("phoneService")} type="tel" />
      </FormField>
      <FormField label="Location" htmlFor="location" error={errors.location?.message}>
        <Input {...text("location")} />
      </FormField>
      <FormField label="Plan" htmlFor="planId" error={errors.planId?.message}>
        <Controller
          control={form.control}
          name="planId"
          render={({ field }) => (
            <Select value={field.value ? String(field.value) : noPlan} onValueChange={(value) => field.onChange(value === noPlan ? null : Number(value))}>
              <SelectTrigger id="planId" aria-invalid={errors.planId ? true : undefined}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value={noPlan}>No plan</SelectItem>
                {(plans.data ?? []).map((plan) => (
                  <SelectItem key={plan.id} value={String(plan.id)}>
                    {plan.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        />
      </FormField>
      <FormField label="Concurrent calls (1–500)" htmlFor="callConcurrencyLimit" error={errors.callConcurrencyLimit?.message} required>
        <Input {...text("callConcurrencyLimit")} type="number" min={1} max={500} required />
      </FormField>
      <FormField label="Description" htmlFor="description" error={errors.description?.message} className="sm:col-span-2">
        <Textarea {...fieldA11y("description", errors.description?.message)} {...form.register("description")} rows={2} />
      </FormField>
      {(["serviceTypes", "focusAreas"] as const).map((name) => (
        <FormField key={name} label={name === "serviceTypes" ? "Service types" : "Focus areas"} htmlFor={name} error={errors[name]?.message ?? errors[name]?.root?.message}>
          <Controller
            control={form.control}
            name={name}
            render={({ field }) => <ChipInput id={name} value={field.value} onChange={field.onChange} maxItems={30} maxLength={255} placeholder="Type and press Enter" />}
          />
        </FormField>
      ))}
      {(["hipaaCompliant", "pciCompliant"] as const).map((name) => (
        <Controller
          key={name}
          control={form.control}
          name={name}
          render={({ field }) => (
            <div className="flex items-center justify-between gap-4 rounded-md border border-border px-3 py-2">
              <label htmlFor={name} className="text-sm font-medium">
                {name === "hipaaCompliant" ? "HIPAA compliant" : "PCI compliant"}
              </label>
              <Switch id={name} checked={field.value} onCheckedChange={field.onChange} />
            </div>
          )}
        />
      ))}
      <div className="flex justify-end gap-2 sm:col-span-2">
        <Button type="submit" loading={pending}>
          {organization ? "Save organization" : "Create organization"}
        </Button>
      </div>
    </form>
  );
}
