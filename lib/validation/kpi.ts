import { z } from "zod";
import { kpiMetricOptions } from "../kpis";
import { callOutcomes } from "../value-sets";
import { expectedUpdatedAtSchema, idSchema } from "./common";
import { dashboardInput } from "./dashboard";

const decimalText = z
  .string()
  .trim()
  .regex(/^-?\d{1,10}(\.\d{1,2})?$/, "Enter a number with at most 2 decimals");

export const kpiFilterSchema = z
  .object({
    campaignId: idSchema.optional(),
    serviceType: z.string().trim().min(1).max(50).optional(),
    outcome: z.enum(callOutcomes).optional(),
  })
  .strict();

export const kpiTargetSchema = z.union([decimalText, z.literal("")]).transform((value) => (value === "" ? null : value));

const kpiFields = {
  name: z.string().trim().min(2, "At least 2 characters").max(100, "At most 100 characters"),
  description: z.string().trim().max(1000, "At most 1,000 characters"),
  metric: z.enum(kpiMetricOptions),
  filter: kpiFilterSchema,
  unit: z.string().trim().max(20, "At most 20 characters"),
  targetValue: kpiTargetSchema,
  higherIsBetter: z.boolean(),
};

export const kpiCreateInput = z.object({
  ...kpiFields,
  description: kpiFields.description.default(""),
  filter: kpiFields.filter.default({}),
  unit: kpiFields.unit.default(""),
  higherIsBetter: kpiFields.higherIsBetter.default(true),
});

// No defaults here: a field left out is a field left alone.
export const kpiUpdateInput = z.object(kpiFields).partial().extend({ id: idSchema, expectedUpdatedAt: expectedUpdatedAtSchema });

export const kpiListInput = dashboardInput;

export const kpiValueInput = z
  .object({
    kpiId: idSchema,
    periodStart: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD"),
    periodEnd: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD"),
    value: decimalText,
  })
  .refine((input) => input.periodStart <= input.periodEnd, { path: ["periodEnd"], message: "The period ends before it starts" });

export type KpiCreateFormValues = z.input<typeof kpiCreateInput>;
export type KpiCreateValues = z.output<typeof kpiCreateInput>;
