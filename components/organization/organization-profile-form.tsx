"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Lock } from "lucide-react";
import { Controller, useForm } from "react-hook-form";
import type { FieldPath } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { handleEditConflict } from "@/components/ui/edit-conflict";
import { ChipInput } from "@/components/ui/chip-input";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { registerWithValue } from "@/components/ui/register-with-value";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { formatMoney } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { useHydrated } from "@/lib/use-hydrated";
import { organizationProfileForm, profileFormValues } from "@/lib/validation/organization-profile";
import type { CheckedOrganizationProfileForm, OrganizationProfileFormValues } from "@/lib/validation/organization-profile";


type ServerError = { message: string; data?: { code?: string; zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null; conflictFields?: string[] | null } | null };

function ReadOnlyFact({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="mt-0.5 text-sm font-medium tabular-nums">{value}</dd>
    </div>
  );
}

export function OrganizationProfileForm({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: organization } = useSuspenseQuery(trpc.organization.current.queryOptions());
  const form = useForm<OrganizationProfileFormValues, unknown, CheckedOrganizationProfileForm>({
    resolver: zodResolver(organizationProfileForm),
    defaultValues: profileFormValues(organization),
    mode: "onBlur",
  });
  const { errors, isDirty } = form.formState;
  const hydrated = useHydrated();

  const update = useMutation(
    trpc.organization.updateCurrent.mutationOptions({
      onSuccess: (updated) => {
        queryClient.setQueryData(trpc.organization.current.queryKey(), (previous) => (previous ? { ...previous, ...updated } : previous));
        form.reset(profileFormValues(updated));
        toast.success("Organization profile saved");
      },
      onError: (error: ServerError) => {
        const reloadNewerVersion = async () => {
          const fresh = await queryClient.fetchQuery({ ...trpc.organization.current.queryOptions(), staleTime: 0 });
          form.reset(profileFormValues(fresh));
        };
        if (handleEditConflict(error, () => void reloadNewerVersion())) return;
        const fieldErrors = error.data?.zodError?.fieldErrors ?? {};
        for (const [field, messages] of Object.entries(fieldErrors)) {
          if (messages?.[0]) form.setError(field as FieldPath<OrganizationProfileFormValues>, { message: messages[0] });
        }
        for (const field of error.data?.conflictFields ?? []) {
          form.setError(field as FieldPath<OrganizationProfileFormValues>, { message: `Another organization already uses this ${field}.` });
        }
        toast.error("The profile was not saved", { description: error.message });
      },
    }),
  );

  // The version this form shows goes with the save: a save over someone else's newer one is refused.
  const onSubmit = form.handleSubmit(() => update.mutate({ ...form.getValues(), expectedUpdatedAt: organization.updatedAt }));
  const text = (name: "name" | "email" | "location" | "phoneSales" | "phoneSupport" | "phoneService") => ({
    ...fieldA11y(name, errors[name]?.message),
    ...registerWithValue(form, name),
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Organization profile" className="flex flex-col gap-6">
      {!canEdit ? (
        <p className="flex items-center gap-2 rounded-md border border-border bg-muted/50 px-3 py-2 text-sm text-muted-foreground">
          <Lock aria-hidden className="size-4" /> Read only: only Admins of {organization.name} can change this profile.
        </p>
      ) : null}
      <fieldset disabled={!canEdit || !hydrated || update.isPending} className="flex flex-col gap-6">
        <Card>
          <CardHeader>
            <CardTitle>Profile</CardTitle>
            <CardDescription>How your service center is named and reached.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            <FormField label="Name" htmlFor="name" error={errors.name?.message} required>
              <Input {...text("name")} autoComplete="organization" required />
            </FormField>
            <FormField label="Email" htmlFor="email" error={errors.email?.message} required>
              <Input {...text("email")} type="email" autoComplete="email" required />
            </FormField>
            <FormField label="Location" htmlFor="location" error={errors.location?.message} className="sm:col-span-2">
              <Input {...text("location")} placeholder="Street, city, state" />
            </FormField>
            <FormField label="Description" htmlFor="description" error={errors.description?.message} className="sm:col-span-2">
              <Textarea {...fieldA11y("description", errors.description?.message)} {...registerWithValue(form, "description")} rows={3} />
            </FormField>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Phone numbers</CardTitle>
            <CardDescription>Stored in international format (E.164), e.g. +1 614 555 0100.</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-3">
            <FormField label="Sales" htmlFor="phoneSales" error={errors.phoneSales?.message}>
              <Input {...text("phoneSales")} type="tel" autoComplete="tel" />
            </FormField>
            <FormField label="Support" htmlFor="phoneSupport" error={errors.phoneSupport?.message}>
              <Input {...text("phoneSupport")} type="tel" autoComplete="tel" />
            </FormField>
            <FormField label="Service" htmlFor="phoneService" error={errors.phoneService?.message}>
              <Input {...text("phoneService")} type="tel" autoComplete="tel" />
            </FormField>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Services</CardTitle>
            <CardDescription>{canEdit ? "Type a value and press Enter to add it." : "What your service center offers and focuses on."}</CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4 sm:grid-cols-2">
            {(["serviceTypes", "focusAreas"] as const).map((name) => (
              <FormField key={name} label={name === "serviceTypes" ? "Service types" : "Focus areas"} htmlFor={name} error={errors[name]?.message ?? errors[name]?.root?.message}>
                <Controller
                  control={form.control}
                  name={name}
                  render={({ field }) => (
                    <ChipInput
                      id={name}
                      value={field.value}
                      onChange={field.onChange}
                      disabled={!canEdit || update.isPending}
                      maxItems={30}
                      maxLength={255}
                      placeholder={name === "serviceTypes" ? "e.g. Oil change" : "e.g. Recalls"}
                      aria-invalid={errors[name] ? true : undefined}
                    />
                  )}
                />
              </FormField>
            ))}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle>Compliance</CardTitle>
            <CardDescription>When on, opening call transcripts and recordings is recorded in the audit log.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {(["hipaaCompliant", "pciCompliant"] as const).map((name) => (
              <Controller
                key={name}
                control={form.control}
                name={name}
                render={({ field }) => (
                  <div className="flex items-center justify-between gap-4">
                    <label htmlFor={name} className="text-sm">
                      <span className="font-medium">{name === "hipaaCompliant" ? "HIPAA compliant" : "PCI compliant"}</span>
                      <span className="block text-muted-foreground">
                        {name === "hipaaCompliant" ? "Health information may come up in calls." : "Card payments may come up in calls."}
                      </span>
                    </label>
                    <Switch id={name} checked={field.value} onCheckedChange={field.onChange} disabled={!canEdit || update.isPending} />
                  </div>
                )}
              />
            ))}
          </CardContent>
        </Card>
      </fieldset>

      <Card>
        <CardHeader>
          <CardTitle>Plan and limits</CardTitle>
          <CardDescription>Set by AutoPulse. Contact your AutoPulse account manager to change them.</CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
            <ReadOnlyFact label="Plan" value={organization.plan?.name ?? "No plan"} />
            <ReadOnlyFact label="Credit balance" value={formatMoney(organization.creditBalance)} />
            <ReadOnlyFact label="May go below zero by" value={formatMoney(organization.plan?.creditLimit ?? "0")} />
            <ReadOnlyFact label="Concurrent calls" value={String(organization.callConcurrencyLimit)} />
            <ReadOnlyFact label="Time zone" value={organization.timezone} />
          </dl>
        </CardContent>
        {canEdit ? (
          <CardFooter className="justify-end gap-2">
            <Button variant="outline" disabled={!isDirty || update.isPending} onClick={() => form.reset()}>
              Discard changes
            </Button>
            <Button type="submit" loading={update.isPending} disabled={!isDirty}>
              Save changes
            </Button>
          </CardFooter>
        ) : null}
      </Card>
    </form>
  );
}
