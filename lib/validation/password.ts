import { z } from "zod";
import { commonPasswordList } from "./password-list";

export const passwordMinLength = 12;
export const passwordMaxLength = 128;
export const commonPasswordMessage = "This password is too common. Choose one that is harder to guess.";

let commonPasswords: Set<string> | undefined;

/** Whether the password is among the 10,000 most common ones (case-insensitive: "Password123!" style variants count). */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(commonPasswordList.split("\n"));
  return commonPasswords.has(password.toLowerCase());
}

/** Every password a person sets: new users, set-password links, own change, Admin reset, the first super admin. */
export const passwordSchema = z
  .string()
  .min(passwordMinLength, `At least ${passwordMinLength} characters`)
  .max(passwordMaxLength, `At most ${passwordMaxLength} characters`)
  .refine((password) => !isCommonPassword(password), commonPasswordMessage);
