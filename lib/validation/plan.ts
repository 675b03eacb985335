import { z } from "zod";
import { expectedUpdatedAtSchema, optionalTextSchema } from "./common";

/** A non-negative decimal as text (never a float): "499", "499.5", "0.1800". */
export const decimalText = (label: string, scale: number, max = "9999999999") =>
  z
    .string()
    .trim()
    .min(1, `${label} is required`)
    .regex(new RegExp(`^\\d{1,10}(\\.\\d{1,${scale}})?$`), `${label}: a number with at most ${scale} decimals, e.g. 12.50`)
    .refine((value) => Number(value.split(".")[0]) <= Number(max), `${label} is too large`);

export const planInput = z.object({
  name: z.string().trim().min(2, "Name must be at least 2 characters").max(100, "At most 100 characters"),
  price: decimalText("Price", 2),
  creditLimit: decimalText("Credit limit", 2),
  ratePerMinute: decimalText("Rate per minute", 4),
  description: optionalTextSchema(2000),
});

export const planUpdateInput = planInput.extend({ id: z.coerce.number().int().positive(), expectedUpdatedAt: expectedUpdatedAtSchema });
export const planIdInput = z.object({ id: z.coerce.number().int().positive() });

export type PlanFormValues = z.input<typeof planInput>;
export type PlanValues = z.output<typeof planInput>;
