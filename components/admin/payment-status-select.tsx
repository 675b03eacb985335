"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { LazySelect } from "@/components/ui/lazy-select";
import { toast } from "@/components/ui/toaster";
import { useTRPC } from "@/lib/trpc/react";
import type { paymentMethods, paymentStatuses } from "@/lib/value-sets";

// Apart from ./credit-and-payment-forms.tsx: the payment tables show this select, the forms load when a dialog opens.

export const methodLabels: Record<(typeof paymentMethods)[number], string> = { card: "Card", bank_transfer: "Bank transfer", invoice: "Invoice", manual: "Manual" };
export const statusLabels: Record<(typeof paymentStatuses)[number], string> = { pending: "Pending", succeeded: "Succeeded", failed: "Failed", refunded: "Refunded" };

export function useRefreshOrganization() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.organization.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.payment.pathKey() });
  };
}

/** Moves a payment along: pending → succeeded/failed, succeeded → refunded (credits follow, once). */
export function PaymentStatusSelect({ id, status }: { id: bigint; status: string }) {
  const trpc = useTRPC();
  const refresh = useRefreshOrganization();
  const update = useMutation(
    trpc.payment.updateStatus.mutationOptions({
      onSuccess: async (payment) => {
        await refresh();
        toast.success(`Payment #${payment.id} is now ${payment.status}`);
      },
      onError: (error) => toast.error("The status was not changed", { description: error.message }),
    }),
  );
  const next: Record<string, readonly (typeof paymentStatuses)[number][]> = { pending: ["succeeded", "failed"], failed: ["pending", "succeeded"], succeeded: ["refunded"], refunded: [] };
  const options = next[status] ?? [];
  if (options.length === 0) return <span>{statusLabels[status as keyof typeof statusLabels] ?? status}</span>;
  return (
    <LazySelect
      aria-label={`Status of payment #${id}`}
      className="h-8 w-36"
      value={status}
      onValueChange={(value) => update.mutate({ id, status: value as (typeof paymentStatuses)[number] })}
      disabled={update.isPending}
      options={[
        { value: status, label: statusLabels[status as keyof typeof statusLabels] ?? status },
        ...options.map((option) => ({ value: option, label: option === "refunded" ? "Refund" : `Mark ${statusLabels[option].toLowerCase()}` })),
      ]}
    />
  );
}
