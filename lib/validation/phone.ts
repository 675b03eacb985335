import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { z } from "zod";
import "./zod-browser";

// Apart from ./common.ts: the phone metadata (~29 kB gzip) reaches only the pages whose forms take a phone number.

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
