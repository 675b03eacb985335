import { z } from "zod";
import "./zod-browser";

// What a phone field checks in the browser: its length, and that it has digits. Whether it is a real number is
// the server's to say (./phone.ts parses it with libphonenumber's metadata, ~29 kB gzip that every form with a
// phone field would otherwise load); its message comes back beside the field.

export const invalidPhoneMessage = "Enter a valid phone number, e.g. +1 614 555 0100";

const hasDigit = (value: string) => /\d/.test(value);

/** An optional phone number as a form checks it: empty, or up to 30 characters with digits. */
export const phoneFieldSchema = z
  .string()
  .trim()
  .max(30, "At most 30 characters")
  .refine((value) => !value || hasDigit(value), invalidPhoneMessage);

/** A required phone number as a form checks it. */
export const requiredPhoneFieldSchema = (requiredMessage: string) =>
  z.string().trim().min(1, requiredMessage).max(30, "At most 30 characters").refine(hasDigit, invalidPhoneMessage);
