"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Layers, Pencil, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { handleEditConflict } from "@/components/ui/edit-conflict";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { formatMoney, formatNumber } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { planInput } from "@/lib/validation/plan";
import type { PlanFormValues, PlanValues } from "@/lib/validation/plan";
import { showServerErrors } from "./server-errors";
import type { ServerError } from "./server-errors";

type Plan = { id: number; name: string; price: { toString(): string }; creditLimit: { toFixed(n: number): string }; ratePerMinute: { toFixed(n: number): string }; description: string | null; updatedAt: Date; _count: { organizations: number } };

const emptyPlan: PlanFormValues = { name: "", price: "0.00", creditLimit: "0.00", ratePerMinute: "0.0000", description: "" };

function PlanForm({ plan, onDone }: { plan: Plan | null; onDone: () => void }) {
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

export function PlanManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: plans } = useSuspenseQuery(trpc.plan.list.queryOptions());
  const [editing, setEditing] = useState<Plan | "new" | null>(null);
  const [deleting, setDeleting] = useState<Plan | null>(null);
  const remove = useMutation(
    trpc.plan.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.plan.list.queryKey() });
        toast.success("Plan deleted");
        setDeleting(null);
      },
      onError: (error) => toast.error("The plan was not deleted", { description: error.message }),
    }),
  );
  return (
    <div className="flex flex-col gap-4">
      <div className="flex justify-end">
        <Button onClick={() => setEditing("new")}>
          <Plus aria-hidden className="size-4" /> New plan
        </Button>
      </div>
      {plans.length === 0 ? (
        <EmptyState icon={<Layers />} title="No plans yet" description="Create a plan to set prices, credit limits and call rates for organizations." />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead className="text-right">Price</TableHead>
              <TableHead className="text-right">Credit limit</TableHead>
              <TableHead className="text-right">Rate / minute</TableHead>
              <TableHead className="text-right">Organizations</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {plans.map((plan) => (
              <TableRow key={plan.id}>
                <TableCell>
                  <p className="font-medium">{plan.name}</p>
                  {plan.description ? <p className="max-w-xs truncate text-xs text-muted-foreground">{plan.description}</p> : null}
                </TableCell>
                <TableCell className="text-right tabular-nums">{formatMoney(plan.price)}</TableCell>
                <TableCell className="text-right tabular-nums">−{formatMoney(plan.creditLimit)}</TableCell>
                <TableCell className="text-right tabular-nums">{plan.ratePerMinute.toFixed(4)}</TableCell>
                <TableCell className="text-right tabular-nums">{formatNumber(plan._count.organizations)}</TableCell>
                <TableCell className="whitespace-nowrap text-right">
                  <Button variant="ghost" size="icon" aria-label={`Edit ${plan.name}`} onClick={() => setEditing(plan)}>
                    <Pencil aria-hidden className="size-4" />
                  </Button>
                  <Button variant="ghost" size="icon" aria-label={`Delete ${plan.name}`} onClick={() => setDeleting(plan)}>
                    <Trash2 aria-hidden className="size-4" />
                  </Button>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Dialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{editing === "new" ? "New plan" : "Edit plan"}</DialogTitle>
            <DialogDescription>Amounts are exact decimals: price and limit in dollars, rate in credits per started minute.</DialogDescription>
          </DialogHeader>
          {editing !== null ? <PlanForm plan={editing === "new" ? null : editing} onDone={() => setEditing(null)} /> : null}
        </DialogContent>
      </Dialog>
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Delete ${deleting?.name ?? "plan"}?`}
        description={deleting?._count.organizations ? `It is used by ${deleting._count.organizations} organization(s): move them to another plan first.` : "Nobody uses this plan. This cannot be undone."}
        confirmLabel="Delete plan"
        destructive
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      />
    </div>
  );
}
