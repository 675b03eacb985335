import { z } from "zod";
import { serviceRecordStatuses } from "@/lib/value-sets";
import { expectedUpdatedAtSchema, idSchema, optionalLinkIdSchema, optionalTextSchema } from "./common";
import { optionalPhoneSchema, toE164 } from "./phone";
import { csvColumns, maxImportBytes, maxImportSize } from "../csv-columns";

export type ServiceRecordStatus = (typeof serviceRecordStatuses)[number];

const isoDate = /^\d{4}-\d{2}-\d{2}$/;

/** "", a date or a date-time; empty becomes null. Dates without a time are read as noon UTC so they stay on their day everywhere. */
const optionalDateTime = z
  .union([z.date(), z.string().trim()])
  .nullish()
  .transform((value, ctx) => {
    if (value === null || value === undefined || value === "") return null;
    if (value instanceof Date) return value;
    const parsed = new Date(isoDate.test(value) ? `${value}T12:00:00Z` : value);
    if (Number.isNaN(parsed.getTime())) {
      ctx.addIssue({ code: "custom", message: "Enter a date, e.g. 2026-12-01 or 2026-12-01T09:30" });
      return z.NEVER;
    }
    return parsed;
  });

const optionalRating = z
  .union([z.number(), z.string().trim()])
  .nullish()
  .transform((value, ctx) => {
    if (value === null || value === undefined || value === "") return null;
    const rating = Number(value);
    if (!Number.isInteger(rating) || rating < 1 || rating > 5) {
      ctx.addIssue({ code: "custom", message: "A rating is a whole number from 1 to 5" });
      return z.NEVER;
    }
    return rating;
  });

const text = (max: number) => optionalTextSchema(max).nullish().transform((value) => value ?? null);

export const serviceRecordFields = {
  customerName: z.string().trim().min(1, "The customer's name is required").max(100, "At most 100 characters"),
  customerPhone: optionalPhoneSchema.nullish().transform((value) => value ?? null),
  vehicleInfo: text(100),
  serviceType: text(50),
  status: z.enum(serviceRecordStatuses, { message: `One of: ${serviceRecordStatuses.join(", ")}` }).default("Scheduled"),
  appointmentDate: optionalDateTime,
  rating: optionalRating,
  feedback: text(5000),
  doNotCall: z.boolean().default(false),
};

export const serviceRecordInput = z.object({ ...serviceRecordFields, campaignId: optionalLinkIdSchema });
export type ServiceRecordInput = z.output<typeof serviceRecordInput>;
export type ServiceRecordFormValues = z.input<typeof serviceRecordInput>;

export const serviceRecordUpdateInput = serviceRecordInput.extend({ id: idSchema, expectedUpdatedAt: expectedUpdatedAtSchema });
export const serviceRecordIdInput = z.object({ id: idSchema });

export const serviceRecordFilters = z.object({
  status: z.enum(serviceRecordStatuses).optional(),
  serviceType: z.string().trim().max(50).optional(),
  campaignId: idSchema.optional(),
  appointmentFrom: z.string().regex(isoDate, "Use YYYY-MM-DD").optional(),
  appointmentTo: z.string().regex(isoDate, "Use YYYY-MM-DD").optional(),
  rating: z.coerce.number().int().min(1).max(5).optional(),
  doNotCall: z.enum(["yes", "no"]).optional(),
  search: z.string().trim().max(100).optional(),
});
export type ServiceRecordFilters = z.output<typeof serviceRecordFilters>;

export const serviceRecordListInput = serviceRecordFilters.extend({
  cursor: z.string().max(100).nullish(),
  limit: z.number().int().min(1).max(100).default(25),
});

/** The words of a search as full-text prefix terms (`word:*`), letters and digits only, so nothing the user types reaches the query syntax. */
export function searchPrefixQuery(search: string): string | null {
  const words = search.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  if (!words.length) return null;
  return words.slice(0, 8).map((word) => `${word}:*`).join(" & ");
}

export function searchAsPhone(search: string): string | null {
  return /\d{7,}/.test(search.replace(/\D/g, "")) ? toE164(search) : null;
}

// ---- CSV import and export: the same columns both ways.

export { csvColumnLabels, csvColumns, maxImportBytes, maxImportRows, maxImportSize } from "../csv-columns";
export type { CsvColumn } from "../csv-columns";

export const importModes = ["all_or_nothing", "valid_only"] as const;

export const importCsvInput = z.object({
  csv: z.string().min(1, "The file is empty").max(maxImportBytes, `The file is larger than ${maxImportSize}`),
  /** For each field, the header of the file's column that holds it (absent or "": not imported). */
  mapping: z.partialRecord(z.enum(csvColumns), z.string().max(200)),
  /** Rows without a campaign column value go to this campaign. */
  campaignId: idSchema.nullish(),
  mode: z.enum(importModes).default("all_or_nothing"),
  dryRun: z.boolean().default(true),
});
export type ImportCsvInput = z.output<typeof importCsvInput>;
export type ImportCsvRequest = z.input<typeof importCsvInput>;

const yesValues = new Set(["yes", "y", "true", "1", "x"]);
const noValues = new Set(["", "no", "n", "false", "0"]);

/** One CSV row, as strings, validated into the fields of a service record. */
export const csvRowSchema = z.object({
  customer_name: serviceRecordFields.customerName,
  customer_phone: z
    .string()
    .trim()
    .min(1, "A phone number is required to call the customer")
    .pipe(optionalPhoneSchema),
  vehicle_info: serviceRecordFields.vehicleInfo,
  service_type: serviceRecordFields.serviceType,
  status: z
    .string()
    .trim()
    .transform((value) => value || "Scheduled")
    .pipe(z.enum(serviceRecordStatuses, { message: `One of: ${serviceRecordStatuses.join(", ")}` })),
  appointment_date: optionalDateTime,
  rating: optionalRating,
  do_not_call: z
    .string()
    .trim()
    .toLowerCase()
    .refine((value) => yesValues.has(value) || noValues.has(value), "Use yes or no")
    .transform((value) => yesValues.has(value)),
  feedback: serviceRecordFields.feedback,
  campaign: z.string().trim().max(150, "At most 150 characters"),
});
export type CsvRow = z.output<typeof csvRowSchema>;
