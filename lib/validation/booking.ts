import { z } from "zod";
import { bookingStatuses } from "@/lib/value-sets";
import { idSchema } from "./common";

export type BookingStatus = (typeof bookingStatuses)[number];
export const openBookingStatuses = ["Pending", "Confirmed"] as const satisfies readonly BookingStatus[];

const linkedIdValue = z.union([z.string(), z.bigint(), z.number()]).nullish();

function toLinkedId(value: z.output<typeof linkedIdValue>, ctx: z.RefinementCtx): bigint | null {
  if (value === null || value === undefined || value === "") return null;
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) {
    ctx.addIssue({ code: "custom", message: "Must be a numeric id" });
    return z.NEVER;
  }
  return parsed.data;
}

/** A link to another row: empty means none. */
const optionalId = linkedIdValue.transform(toLinkedId);
/** In an update: absent keeps the link, empty or null removes it. */
const changedLinkId = linkedIdValue.transform((value, ctx) => (value === undefined ? undefined : toLinkedId(value, ctx)));

const scheduledTime = z.coerce.date({ message: "Choose a date and time" }).refine((value) => !Number.isNaN(value.getTime()), "Choose a date and time");

export const bookingInput = z.object({
  serviceRecordId: idSchema,
  campaignId: optionalId,
  callId: optionalId,
  scheduledTime,
  status: z.enum(bookingStatuses).default("Pending"),
});
export type BookingInput = z.output<typeof bookingInput>;

/** The updated_at the editor opened the row with; a save against a newer row is a CONFLICT. Optional for older API callers. */
const expectedUpdatedAt = z.coerce.date().optional();

export const bookingUpdateInput = z.object({ id: idSchema, expectedUpdatedAt, scheduledTime, campaignId: changedLinkId, callId: changedLinkId });
export const bookingByIdInput = z.object({ id: idSchema });

/** The edit dialog's fields: the time as typed in the organization's time zone ("YYYY-MM-DDTHH:MM"), the campaign as in booking.update. */
export const bookingEditForm = z.object({
  scheduledTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time"),
  campaignId: changedLinkId,
});
export type BookingEditValues = z.input<typeof bookingEditForm>;

export const bookingSetStatusInput = z.object({ id: idSchema, status: z.enum(bookingStatuses, { message: "Unknown status" }) });

export const bookingListInput = z.object({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  status: z.enum(bookingStatuses).optional(),
  campaignId: idSchema.optional(),
  limit: z.number().int().min(1).max(500).default(200),
});
