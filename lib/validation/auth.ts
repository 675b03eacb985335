import { z } from "zod";
import "./zod-browser";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email address").max(150, "At most 150 characters").pipe(z.email({ message: "Enter a valid email address" })),
  password: z.string().min(1, "Enter your password").max(128, "At most 128 characters"),
});

export type SignInInput = z.infer<typeof signInInput>;

/** Same words for a wrong password, an unknown email and a deactivated user: nothing leaks which. */
export const invalidCredentialsMessage = "That email and password don't match an active account.";

/** After too many failed attempts for an email or an address; the same whether or not the email exists. */
export function throttledMessage(minutes: number): string {
  return `Too many sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`;
}
