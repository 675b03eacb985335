import { z } from "zod";
import { expectedUpdatedAtSchema, uuidSchema } from "./common";
import { organizationProfileInput } from "./organization";
import { decimalText } from "./plan";

/** Every field of an organization that the platform sets: the profile plus plan and limits. */
export const organizationAdminInput = organizationProfileInput.extend({
  callConcurrencyLimit: z.coerce.number({ message: "Enter a number" }).int("A whole number").min(1, "At least 1").max(500, "At most 500"),
  planId: z.coerce.number().int().positive().nullable(),
});

export const organizationUpdateInput = organizationAdminInput.extend({ id: uuidSchema, expectedUpdatedAt: expectedUpdatedAtSchema });

export { organizationListInput, organizationSortFields, organizationStatusFilters } from "./organization-list";

export const organizationIdInput = z.object({ id: uuidSchema });

export const organizationSetActiveInput = z.object({ id: uuidSchema, isActive: z.boolean() });

/** A signed amount as text: "+" adds credit, "-" removes it. */
export const adjustCreditsInput = z.object({
  organizationId: uuidSchema,
  direction: z.enum(["add", "remove"]),
  amount: decimalText("Amount", 2).refine((value) => Number(value) > 0, "Amount must be more than zero"),
  reason: z.string().trim().min(3, "Give a reason (at least 3 characters)").max(500, "At most 500 characters"),
});

export const actAsInput = z.object({
  organizationId: uuidSchema,
  reason: z.string().trim().min(3, "Give a reason (at least 3 characters)").max(500, "At most 500 characters"),
});

export type OrganizationAdminFormValues = z.input<typeof organizationAdminInput>;
export type OrganizationAdminValues = z.output<typeof organizationAdminInput>;
export type { OrganizationListInput } from "./organization-list";
export type AdjustCreditsFormValues = z.input<typeof adjustCreditsInput>;
export type ActAsFormValues = z.input<typeof actAsInput>;
