import { z } from "zod";

export const passwordMinLength = 12;
export const passwordMaxLength = 128;
export const commonPasswordMessage = "This password is too common. Choose one that is harder to guess.";

/**
 * The password rules a browser form checks as the person types: the length. The common-password
 * rule (lib/validation/password.ts) needs a 10,000-word list (~45 kB gzip) and runs on the server
 * only; its field error comes back with the BAD_REQUEST and shows beside the field.
 */
export const passwordLengthSchema = z
  .string()
  .min(passwordMinLength, `At least ${passwordMinLength} characters`)
  .max(passwordMaxLength, `At most ${passwordMaxLength} characters`);
