import { z } from "zod";

export const signInInput = z.object({
  email: z.string().trim().toLowerCase().min(1, "Enter your email address").max(150, "At most 150 characters").pipe(z.email({ message: "Enter a valid email address" })),
  password: z.string().min(1, "Enter your password").max(128, "At most 128 characters"),
});

export type SignInInput = z.infer<typeof signInInput>;

/** Same words for a wrong password, an unknown email and a deactivated user: nothing leaks which. */
export const invalidCredentialsMessage = "That email and password don't match an active account.";
