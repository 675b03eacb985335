"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { handleEditConflict } from "@/components/ui/edit-conflict";
import { Button } from "@/components/ui/button";
import { DialogFooter } from "@/components/ui/dialog";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { useTRPC } from "@/lib/trpc/react";
import { planInput } from "@/lib/validation/plan";
import type { PlanFormValues, PlanValues } from "@/lib/validation/plan";
import { showServerErrors } from "./server-errors";
import type { ServerError } from "./server-errors";
import type { Plan } from "./plan-manager";

// The plan dialog's form of ./plan-manager.tsx, loaded when the dialog opens.

const emptyPlan: PlanFormValues = { name: "", price: "0.00", creditLimit: "0.00", ratePerMinute: "0.0000", description: "" };

export function PlanForm({ plan, onDone }: { plan: Plan | null; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<PlanFormValues, unknown, PlanValues>({
    resolver: zodResolver(planInput),
    defaultValues: plan
      ? { name: plan.name, price: plan.price.toString(), creditLimit: plan.creditLimit.toFixed(2), ratePerMinute: plan.ratePerMinute.toFixed(4), description: plan.description ?? "" }
      : emptyPlan,
  });
  const { errors } = form.formState;
  const options = {
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: trpc.plan.list.queryKey() });
      toast.success(plan ? "Plan saved" : "Plan created");
      onDone();
    },
    onError: (error: ServerError) => {
      if (handleEditConflict(error, () => void queryClient.invalidateQueries({ queryKey: trpc.plan.list.queryKey() }).then(onDone))) return;
      showServerErrors(form.setError, error, () => "Another plan already has this name.");
      toast.error("The plan was not saved", { description: error.message });
    },
  };
  const create = useMutation(trpc.plan.create.mutationOptions(options));
  const update = useMutation(trpc.plan.update.mutationOptions(options));
  const pending = create.isPending || update.isPending;
  const onSubmit = form.handleSubmit(() => (plan ? update.mutate({ ...form.getValues(), id: plan.id, expectedUpdatedAt: plan.updatedAt }) : create.mutate(form.getValues())));
  const field = (name: "name" | "price" | "creditLimit" | "ratePerMinute") => ({ ...fieldA11y(name, errors[name]?.message), ...form.register(name) });
  return (
    <form onSubmit={onSubmit} noValidate className="grid gap-4" aria-label={plan ? "Edit plan" : "New plan"}>
      <FormField label="Name" htmlFor="name" error={errors.name?.message} required>
        <Input {...field("name")} required />
      </FormField>
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField label="Price (USD)" htmlFor="price" error={errors.price?.message} required>
          <Input {...field("price")} inputMode="decimal" required />
        </FormField>
        <FormField label="Credit limit" htmlFor="creditLimit" error={errors.creditLimit?.message} required description="How far below zero">
          <Input {...field("creditLimit")} {...fieldA11y("creditLimit", errors.creditLimit?.message, { description: true })} inputMode="decimal" required />
        </FormField>
        <FormField label="Rate per minute" htmlFor="ratePerMinute" error={errors.ratePerMinute?.message} required description="Credits per started minute">
          <Input {...field("ratePerMinute")} {...fieldA11y("ratePerMinute", errors.ratePerMinute?.message, { description: true })} inputMode="decimal" required />
        </FormField>
      </div>
      <FormField label="Description" htmlFor="description" error={errors.description?.message}>
        <Textarea {...fieldA11y("description", errors.description?.message)} {...form.register("description")} rows={3} />
      </FormField>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onDone} disabled={pending}>
          Cancel
        </Button>
        <Button type="submit" loading={pending}>
          {plan ? "Save plan" : "Create plan"}
        </Button>
      </DialogFooter>
    </form>
  );
}
