import { z } from "zod";
import { bookingStatuses } from "@/lib/value-sets";
import { idSchema } from "./common";

export type BookingStatus = (typeof bookingStatuses)[number];
export const openBookingStatuses = ["Pending", "Confirmed"] as const satisfies readonly BookingStatus[];

const optionalId = z
  .union([z.string(), z.bigint(), z.number()])
  .nullish()
  .transform((value, ctx) => {
    if (value === null || value === undefined || value === "") return null;
    const parsed = idSchema.safeParse(value);
    if (!parsed.success) {
      ctx.addIssue({ code: "custom", message: "Must be a numeric id" });
      return z.NEVER;
    }
    return parsed.data;
  });

const scheduledTime = z.coerce.date({ message: "Choose a date and time" }).refine((value) => !Number.isNaN(value.getTime()), "Choose a date and time");

export const bookingInput = z.object({
  serviceRecordId: idSchema,
  campaignId: optionalId,
  callId: optionalId,
  scheduledTime,
  status: z.enum(bookingStatuses).default("Pending"),
});
export type BookingInput = z.output<typeof bookingInput>;

export const bookingUpdateInput = z.object({ id: idSchema, scheduledTime, campaignId: optionalId, callId: optionalId });

export const bookingSetStatusInput = z.object({ id: idSchema, status: z.enum(bookingStatuses, { message: "Unknown status" }) });

export const bookingListInput = z.object({
  from: z.coerce.date().optional(),
  to: z.coerce.date().optional(),
  status: z.enum(bookingStatuses).optional(),
  campaignId: idSchema.optional(),
  limit: z.number().int().min(1).max(500).default(200),
});
