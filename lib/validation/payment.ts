import { z } from "zod";
import type { PageSearchParams } from "@/lib/search-params";
import { paymentMethods, paymentStatuses } from "@/lib/value-sets";
import { filtersFromPageParams, idSchema, uuidSchema } from "./common";
import { decimalText } from "./plan";

const dateText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-11-25");

export const paymentCreateInput = z.object({
  organizationId: uuidSchema,
  planId: z.coerce.number().int().positive().nullable(),
  amount: decimalText("Amount", 2).refine((value) => Number(value) > 0, "Amount must be more than zero"),
  paymentDate: dateText,
  method: z.enum(paymentMethods, { message: "Choose a method" }),
  status: z.enum(paymentStatuses, { message: "Choose a status" }),
});

export const paymentUpdateStatusInput = z.object({ id: idSchema, status: z.enum(paymentStatuses, { message: "Choose a status" }) });

export const paymentListInput = z.object({
  organizationId: uuidSchema.optional(),
  status: z.enum(paymentStatuses).optional(),
  from: dateText.optional(),
  to: dateText.optional(),
  cursor: idSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const ownPaymentListInput = paymentListInput.omit({ organizationId: true });

const paymentFilterInput = paymentListInput.omit({ cursor: true });
export type PaymentFilters = z.output<typeof paymentFilterInput>;

/** The payment tables' filters from the page's URL (the first page of the list); none when they do not parse. */
export function paymentFiltersFromParams(params: PageSearchParams): PaymentFilters {
  return filtersFromPageParams(paymentFilterInput, params, { limit: 50 });
}

export type PaymentFormValues = z.input<typeof paymentCreateInput>;
export type PaymentValues = z.output<typeof paymentCreateInput>;
