import { z } from "zod";
import { inquiryStatuses } from "@/lib/value-sets";
import { idSchema, optionalTextSchema } from "./common";
import { optionalPhoneSchema } from "./phone";

const optionalEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(150, "At most 150 characters")
  .refine((value) => !value || z.email().safeParse(value).success, "Enter a valid email address")
  .transform((value) => value || null);

export const inquiryInput = z
  .object({
    customerName: z.string().trim().min(1, "The customer's name is required").max(100, "At most 100 characters"),
    email: optionalEmail,
    phone: optionalPhoneSchema,
    message: optionalTextSchema(5000),
  })
  .refine((inquiry) => inquiry.email || inquiry.phone, { path: ["phone"], message: "Give a phone number or an email to answer" });
export type InquiryFormValues = z.input<typeof inquiryInput>;

/** `expectedUpdatedAt`: the updated_at the editor opened the inquiry with; a save against a newer row is a CONFLICT. */
export const inquiryUpdateInput = z.intersection(z.object({ id: idSchema, expectedUpdatedAt: z.coerce.date().optional() }), inquiryInput);
export type InquiryUpdateValues = z.input<typeof inquiryUpdateInput>;
export const inquiryByIdInput = z.object({ id: idSchema });
export const inquirySetStatusInput = z.object({ id: idSchema, status: z.enum(inquiryStatuses, { message: "Unknown status" }) });
export const inquiryListInput = z.object({
  status: z.enum(inquiryStatuses).optional(),
  cursor: z.string().max(100).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});

export const inquiryConvertInput = z.object({
  id: idSchema,
  campaignId: idSchema.nullish(),
  vehicleInfo: optionalTextSchema(100).nullish().transform((value) => value ?? null),
  serviceType: optionalTextSchema(50).nullish().transform((value) => value ?? null),
});
