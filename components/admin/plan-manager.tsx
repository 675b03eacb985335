"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Layers, Pencil, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { formatMoney, formatNumber } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { lazyDialogPart } from "@/components/ui/lazy";

const PlanForm = lazyDialogPart(() => import("./plan-form").then((module) => module.PlanForm));

export type Plan = { id: number; name: string; price: { toString(): string }; creditLimit: { toFixed(n: number): string }; ratePerMinute: { toFixed(n: number): string }; description: string | null; updatedAt: Date; _count: { organizations: number } };

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
