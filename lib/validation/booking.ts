import { z } from "zod";
import { bookingStatuses } from "@/lib/value-sets";
import { changedLinkIdSchema, idSchema, optionalLinkIdSchema } from "./common";

export type BookingStatus = (typeof bookingStatuses)[number];
export const openBookingStatuses = ["Pending", "Confirmed"] as const satisfies readonly BookingStatus[];


const scheduledTime = z.coerce.date({ message: "Choose a date and time" }).refine((value) => !Number.isNaN(value.getTime()), "Choose a date and time");

export const bookingInput = z.object({
  serviceRecordId: idSchema,
  campaignId: optionalLinkIdSchema,
  callId: optionalLinkIdSchema,
  scheduledTime,
  status: z.enum(bookingStatuses).default("Pending"),
});
export type BookingInput = z.output<typeof bookingInput>;

/** The updated_at the editor opened the row with; a save against a newer row is a CONFLICT. Optional for older API callers. */
const expectedUpdatedAt = z.coerce.date().optional();

export const bookingUpdateInput = z.object({ id: idSchema, expectedUpdatedAt, scheduledTime, campaignId: changedLinkIdSchema, callId: changedLinkIdSchema });
export const bookingByIdInput = z.object({ id: idSchema });

/** The edit dialog's fields: the time as typed in the organization's time zone ("YYYY-MM-DDTHH:MM"), the campaign as in booking.update. */
export const bookingEditForm = z.object({
  scheduledTime: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "Choose a date and time"),
  campaignId: changedLinkIdSchema,
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
