"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { showServerErrors } from "@/components/admin/server-errors";
import type { ServerError } from "@/components/admin/server-errors";
import { Button } from "@/components/ui/button";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { useTRPC } from "@/lib/trpc/react";
import { setPasswordWithTokenInput } from "@/lib/validation/user-form";
import type { SetPasswordWithTokenValues } from "@/lib/validation/user-form";

export function SetPasswordForm({ token, email }: { token: string; email: string }) {
  const trpc = useTRPC();
  const [done, setDone] = useState(false);
  const form = useForm<SetPasswordWithTokenValues>({ resolver: zodResolver(setPasswordWithTokenInput), defaultValues: { token, password: "", confirmPassword: "" } });
  const { errors } = form.formState;
  const setPassword = useMutation(
    trpc.user.setPasswordWithToken.mutationOptions({
      onSuccess: () => setDone(true),
      onError: (error: ServerError) => {
        showServerErrors(form.setError, error, () => "");
        form.setError("root", { message: error.message });
      },
    }),
  );
  if (done) {
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
    <form onSubmit={form.handleSubmit(() => setPassword.mutate(form.getValues()))} noValidate className="flex flex-col gap-4 rounded-lg border border-border bg-card p-6" aria-label="Set your password">
      <p className="text-sm text-muted-foreground">
        For <strong className="text-foreground">{email}</strong>. Use 12 to 128 characters.
      </p>
      <FormField label="New password" htmlFor="password" error={errors.password?.message} required>
        <Input {...fieldA11y("password", errors.password?.message)} {...form.register("password")} type="password" autoComplete="new-password" required />
      </FormField>
      <FormField label="Repeat password" htmlFor="confirmPassword" error={errors.confirmPassword?.message} required>
        <Input {...fieldA11y("confirmPassword", errors.confirmPassword?.message)} {...form.register("confirmPassword")} type="password" autoComplete="new-password" required />
      </FormField>
      {errors.root?.message ? (
        <p role="alert" className="text-sm font-medium text-destructive">
          {errors.root.message}
        </p>
      ) : null}
      <Button type="submit" loading={setPassword.isPending}>
        Set password
      </Button>
    </form>
  );
}
