import { commonPasswordList } from "./password-list";
import { commonPasswordMessage, passwordLengthSchema } from "./password-rules";

export { commonPasswordMessage, passwordMaxLength, passwordMinLength } from "./password-rules";

let commonPasswords: Set<string> | undefined;

/** Whether the password is among the 10,000 most common ones (case-insensitive: "Password123!" style variants count). */
export function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set(commonPasswordList.split("\n"));
  return commonPasswords.has(password.toLowerCase());
}

/**
 * Every password a person sets: new users, set-password links, own change, Admin reset, the first super admin.
 * Server only (the list is large): browser forms use lib/validation/user-form.ts, which checks the length.
 */
export const passwordSchema = passwordLengthSchema.refine((password) => !isCommonPassword(password), commonPasswordMessage);
