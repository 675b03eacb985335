"use client";

import { useActionState } from "react";
import { signInAction } from "@/app/actions";
import type { SignInState } from "@/app/actions";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";

export function SignInForm({ callbackUrl }: { callbackUrl: string }) {
  const [state, formAction, pending] = useActionState<SignInState, FormData>(signInAction, {});
  const emailError = state.fieldErrors?.email?.[0];
  const passwordError = state.fieldErrors?.password?.[0];
  return (
    <Card>
      <CardContent className="pt-6">
        <form action={formAction} noValidate className="flex flex-col gap-4">
          <input type="hidden" name="callbackUrl" value={callbackUrl} />
          {state.error ? (
            <p id="sign-in-error" role="alert" className="rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm text-destructive">
              {state.error}
            </p>
          ) : null}
          <FormField label="Email" htmlFor="email" error={emailError}>
            <Input {...fieldA11y("email", emailError)} name="email" type="email" autoComplete="username" defaultValue={state.email} autoFocus required />
          </FormField>
          <FormField label="Password" htmlFor="password" error={passwordError}>
            <Input {...fieldA11y("password", passwordError)} name="password" type="password" autoComplete="current-password" required />
          </FormField>
          <Button type="submit" loading={pending} className="mt-2 w-full">
            Sign in
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
