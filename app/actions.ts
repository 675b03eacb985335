"use server";

import { TRPCError } from "@trpc/server";
import { AuthError } from "next-auth";
import { z } from "zod";
import { createCaller } from "@/server/api/root";
import { signIn, signOut, ThrottledCredentials } from "@/server/auth";
import { getDb } from "@/server/db";
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

export type SetPasswordState = { done?: boolean; error?: string; fieldErrors?: { password?: string[]; confirmPassword?: string[] } };

/**
 * The set-password link's form: user.setPasswordWithToken, called on the server. The page then needs neither the
 * tRPC client nor zod; the rules' messages come back beside their fields.
 */
export async function setPasswordAction(_previous: SetPasswordState, formData: FormData): Promise<SetPasswordState> {
  const text = (name: string) => String(formData.get(name) ?? "");
  try {
    const caller = createCaller({ db: getDb(), session: null });
    await caller.user.setPasswordWithToken({ token: text("token"), password: text("password"), confirmPassword: text("confirmPassword") });
    return { done: true };
  } catch (error) {
    if (!(error instanceof TRPCError) || error.code !== "BAD_REQUEST") throw error;
    const fields: Record<string, string[] | undefined> = error.cause instanceof z.ZodError ? z.flattenError(error.cause).fieldErrors : {};
    const { password, confirmPassword } = fields;
    return password || confirmPassword ? { fieldErrors: { password, confirmPassword } } : { error: error.message };
  }
}
