"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { signIn, signOut, ThrottledCredentials } from "@/server/auth";
import { invalidCredentialsMessage, signInInput, throttledMessage } from "@/lib/validation/auth";

export type SignInState = {
  error?: string;
  fieldErrors?: { email?: string[]; password?: string[] };
  email?: string;
};

/** Only paths of this app: never an open redirect to another site. */
function safeCallbackUrl(value: FormDataEntryValue | null): string {
  const path = typeof value === "string" ? value : "/";
  return path.startsWith("/") && !path.startsWith("//") && !path.startsWith("/\\") ? path : "/";
}

export async function signInAction(_previous: SignInState, formData: FormData): Promise<SignInState> {
  const email = String(formData.get("email") ?? "");
  const parsed = signInInput.safeParse({ email, password: formData.get("password") ?? "" });
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors, email };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeCallbackUrl(formData.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof ThrottledCredentials) return { error: throttledMessage(error.retryAfterMinutes), email };
    if (error instanceof AuthError) return { error: invalidCredentialsMessage, email };
    throw error;
  }
  return {};
}

export async function signOutAction(): Promise<void> {
  await signOut({ redirectTo: "/sign-in" });
}
