import { parsePhoneNumberFromString } from "libphonenumber-js/min";
import { z } from "zod";
import { invalidPhoneMessage } from "./phone-field";

// Apart from ./common.ts and ./phone-field.ts: the phone metadata (~29 kB gzip) is for the server, and for the
// forms in dialogs, which load it when they open.

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
      ctx.addIssue({ code: "custom", message: invalidPhoneMessage });
      return z.NEVER;
    }
    return normalized;
  });
