import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { z } from "zod";

/** BigInt ids arrive as strings or numbers (URLs, forms) and are checked before any query. */
export const idSchema = z.coerce.bigint({ message: "Must be a numeric id" }).positive("Must be a positive id");
export const uuidSchema = z.uuid({ message: "Must be a valid id" });

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Email is required")
  .max(255, "At most 255 characters")
  .pipe(z.email({ message: "Enter a valid email address" }));

export function toE164(value: string): string | null {
  const parsed = parsePhoneNumberFromString(value, "US");
  return parsed?.isValid() ? parsed.number : null;
}

/** An optional phone number: empty becomes null, anything else must be valid and is stored as E.164. */
export const optionalPhoneSchema = z
  .string()
  .trim()
  .max(30, "At most 30 characters")
  .transform((value, ctx) => {
    if (!value) return null;
    const normalized = toE164(value);
    if (!normalized) {
      ctx.addIssue({ code: "custom", message: "Enter a valid phone number, e.g. +1 614 555 0100" });
      return z.NEVER;
    }
    return normalized;
  });

export const optionalTextSchema = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max.toLocaleString("en-US")} characters`)
    .transform((value) => value || null);

export const chipListSchema = (label: string) =>
  z
    .array(z.string().trim().min(1, `${label} cannot be empty`).max(255, `${label}: at most 255 characters each`))
    .max(30, `At most 30 ${label.toLowerCase()}`)
    .transform((values) => values.filter((value, index) => values.findIndex((other) => other.toLowerCase() === value.toLowerCase()) === index));
