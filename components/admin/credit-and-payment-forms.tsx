"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { toast } from "@/components/ui/toaster";
import { formatMoney } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { adjustCreditsInput } from "@/lib/validation/organization-admin";
import type { AdjustCreditsFormValues } from "@/lib/validation/organization-admin";
import { paymentCreateInput } from "@/lib/validation/payment";
import type { PaymentFormValues, PaymentValues } from "@/lib/validation/payment";
import { paymentMethods } from "@/lib/value-sets";
import { methodLabels, statusLabels, useRefreshOrganization } from "./payment-status-select";
import { showServerErrors } from "./server-errors";
import type { ServerError } from "./server-errors";

export function AdjustCreditsForm({ organizationId, onDone }: { organizationId: string; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshOrganization();
  const form = useForm<AdjustCreditsFormValues>({ resolver: zodResolver(adjustCreditsInput), defaultValues: { organizationId, direction: "add", amount: "", reason: "" } });
  const { errors } = form.formState;
  const adjust = useMutation(
    trpc.organization.adjustCredits.mutationOptions({
      onSuccess: async (result) => {
        await refresh();
        toast.success(`Balance is now ${formatMoney(result.balance)}`);
        onDone();
      },
      onError: (error: ServerError) => {
        showServerErrors(form.setError, error, () => "");
        toast.error("The balance was not changed", { description: error.message });
      },
    }),
  );
  return (
    <form onSubmit={form.handleSubmit(() => adjust.mutate(form.getValues()))} noValidate className="grid gap-4" aria-label="Adjust credits">
      <FormField label="Change" htmlFor="direction" required>
        <Controller
          control={form.control}
          name="direction"
          render={({ field }) => (
            <Select value={field.value} onValueChange={field.onChange}>
              <SelectTrigger id="direction">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="add">Add credit</SelectItem>
                <SelectItem value="remove">Remove credit</SelectItem>
              </SelectContent>
            </Select>
          )}
        />
      </FormField>
      <FormField label="Amount (USD)" htmlFor="amount" error={errors.amount?.message} required>
        <Input {...fieldA11y("amount", errors.amount?.message)} {...form.register("amount")} inputMode="decimal" placeholder="100.00" required />
      </FormField>
      <FormField label="Reason" htmlFor="reason" error={errors.reason?.message} required description="Kept in the credit history and the organization's audit log.">
        <Input {...fieldA11y("reason", errors.reason?.message, { description: true })} {...form.register("reason")} required />
      </FormField>
      <div className="flex justify-end">
        <Button type="submit" loading={adjust.isPending}>
          Apply
        </Button>
      </div>
    </form>
  );
}

const today = () => new Date().toISOString().slice(0, 10);

export function PaymentForm({ organizationId, planId, onDone }: { organizationId?: string; planId?: number | null; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshOrganization();
  const plans = useQuery(trpc.plan.list.queryOptions());
  const organizations = useQuery({ ...trpc.organization.list.queryOptions({ pageSize: 100 }), enabled: !organizationId });
  const form = useForm<PaymentFormValues, unknown, PaymentValues>({
    resolver: zodResolver(paymentCreateInput),
    defaultValues: { organizationId: organizationId ?? "", planId: planId ?? null, amount: "", paymentDate: today(), method: "card", status: "succeeded" },
  });
  const { errors } = form.formState;
  const create = useMutation(
    trpc.payment.create.mutationOptions({
      onSuccess: async (payment) => {
        await refresh();
        toast.success(`Payment of ${formatMoney(payment.amount)} recorded`, { description: payment.status === "succeeded" ? "Its amount was added to the credit balance." : undefined });
        onDone();
      },
      onError: (error: ServerError) => {
        showServerErrors(form.setError, error, () => "");
        toast.error("The payment was not recorded", { description: error.message });
      },
    }),
  );
  return (
    <form onSubmit={form.handleSubmit(() => create.mutate(form.getValues()))} noValidate className="grid gap-4 sm:grid-cols-2" aria-label="Record a payment">
      {!organizationId ? (
        <FormField label="Organization" htmlFor="payment-organization" error={errors.organizationId?.message} required className="sm:col-span-2">
          <Controller
            control={form.control}
            name="organizationId"
            render={({ field }) => (
              <Select value={field.value || undefined} onValueChange={field.onChange}>
                <SelectTrigger id="payment-organization" aria-invalid={errors.organizationId ? true : undefined}>
                  <SelectValue placeholder="Choose an organization" />
                </SelectTrigger>
                <SelectContent>
                  {(organizations.data?.items ?? []).map((organization) => (
                    <SelectItem key={organization.id} value={organization.id}>
                      {organization.name}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
          />
        </FormField>
      ) : null}
      <FormField label="Amount (USD)" htmlFor="payment-amount" error={errors.amount?.message} required>
        <Input {...fieldA11y("payment-amount", errors.amount?.message)} {...form.register("amount")} inputMode="decimal" placeholder="499.00" required />
      </FormField>
      <FormField label="Date" htmlFor="payment-date" error={errors.paymentDate?.message} required>
        <Input {...fieldA11y("payment-date", errors.paymentDate?.message)} {...form.register("paymentDate")} type="date" required />
      </FormField>
      <FormField label="Method" htmlFor="payment-method" error={errors.method?.message} required>
        <Controller
          control={form.control}
          name="method"
          render={({ field }) => (
            <Select value={field.value} onValueChange={field.onChange}>
              <SelectTrigger id="payment-method">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {paymentMethods.map((method) => (
                  <SelectItem key={method} value={method}>
                    {methodLabels[method]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        />
      </FormField>
      <FormField label="Status" htmlFor="payment-status" error={errors.status?.message} required description="Succeeded adds the amount to the balance.">
        <Controller
          control={form.control}
          name="status"
          render={({ field }) => (
            <Select value={field.value} onValueChange={field.onChange}>
              <SelectTrigger id="payment-status" aria-describedby="payment-status-description">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {(["pending", "succeeded", "failed"] as const).map((status) => (
                  <SelectItem key={status} value={status}>
                    {statusLabels[status]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          )}
        />
      </FormField>
      <FormField label="Plan" htmlFor="payment-plan" className="sm:col-span-2">
        <Controller
          control={form.control}
          name="planId"
          render={({ field }) => (
            <Select value={field.value ? String(field.value) : "none"} onValueChange={(value) => field.onChange(value === "none" ? null : Number(value))}>
              <SelectTrigger id="payment-plan">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="none">No plan</SelectItem>
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
      <div className="flex justify-end sm:col-span-2">
        <Button type="submit" loading={create.isPending}>
          Record payment
        </Button>
      </div>
    </form>
  );
}
