"use client";

import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { setPasswordAction } from "@/app/actions";
import type { SetPasswordState } from "@/app/actions";
import { Button } from "@/components/ui/button";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const [state, formAction, pending] = useActionState<SetPasswordState, FormData>(setPasswordAction, {});
  const form = useRef<HTMLFormElement>(null);
  const passwordError = state.fieldErrors?.password?.[0];
  const confirmError = state.fieldErrors?.confirmPassword?.[0];
  useEffect(() => {
    // After a refused try, the focus goes to the first field with a message (the form itself starts again empty).
    form.current?.querySelector<HTMLInputElement>('[aria-invalid="true"]')?.focus();
  }, [state]);
  if (state.done) {
    return (
      <div role="status" className="flex flex-col gap-3 rounded-lg border border-border bg-card p-6 text-sm">
        <p className="font-medium">Your password is set.</p>
        <Button asChild>
          <Link href={`/sign-in?email=${encodeURIComponent(email)}`}>Sign in</Link>
        </Button>
      </div>
    );
  }
  return (
    <form ref={form} action={formAction} noValidate className="flex flex-col gap-4 rounded-lg border border-border bg-card p-6" aria-label="Set your password">
      <input type="hidden" name="token" value={token} />
      <p className="text-sm text-muted-foreground">
        For <strong className="text-foreground">{email}</strong>. Use 12 to 128 characters.
      </p>
      <FormField label="New password" htmlFor="password" error={passwordError} required>
        <Input {...fieldA11y("password", passwordError)} name="password" type="password" autoComplete="new-password" autoFocus required />
      </FormField>
      <FormField label="Repeat password" htmlFor="confirmPassword" error={confirmError} required>
        <Input {...fieldA11y("confirmPassword", confirmError)} name="confirmPassword" type="password" autoComplete="new-password" required />
      </FormField>
      {state.error ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {state.error}
        </p>
      ) : null}
      <Button type="submit" loading={pending}>
        Set password
      </Button>
    </form>
  );
}
