"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { signOutAction } from "@/app/actions";
import { showServerErrors } from "@/components/admin/server-errors";
import type { ServerError } from "@/components/admin/server-errors";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { registerWithValue } from "@/components/ui/register-with-value";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { roleLabels } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { changeOwnPasswordInput, profileUpdateInput } from "@/lib/validation/user-form";
import type { ChangeOwnPasswordValues } from "@/lib/validation/user-form";

function NameForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: me } = useSuspenseQuery(trpc.user.me.queryOptions());
  const form = useForm<{ name: string }>({ resolver: zodResolver(profileUpdateInput), defaultValues: { name: me.name } });
  const { errors, isDirty } = form.formState;
  const update = useMutation(
    trpc.user.updateProfile.mutationOptions({
      onSuccess: (user) => {
        queryClient.setQueryData(trpc.user.me.queryKey(), user);
        form.reset({ name: user.name });
        toast.success("Name saved");
      },
      onError: (error: ServerError) => {
        showServerErrors(form.setError, error, () => "");
        toast.error("Your name was not saved", { description: error.message });
      },
    }),
  );
  return (
    <Card>
      <form onSubmit={form.handleSubmit(() => update.mutate(form.getValues()))} noValidate aria-label="Your profile">
        <CardHeader>
          <CardTitle>Profile</CardTitle>
          <CardDescription>
            {me.email} · {roleLabels[me.role]} at {me.organization.name}
          </CardDescription>
        </CardHeader>
        <CardContent>
          <FormField label="Name" htmlFor="profile-name" error={errors.name?.message} required>
            <Input {...fieldA11y("profile-name", errors.name?.message)} {...registerWithValue(form, "name")} autoComplete="name" required />
          </FormField>
        </CardContent>
        <CardFooter className="justify-end">
          <Button type="submit" loading={update.isPending} disabled={!isDirty}>
            Save name
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}

function PasswordForm() {
  const trpc = useTRPC();
  const form = useForm<ChangeOwnPasswordValues>({ resolver: zodResolver(changeOwnPasswordInput), defaultValues: { currentPassword: "", newPassword: "", confirmPassword: "" } });
  const { errors } = form.formState;
  const change = useMutation(
    trpc.user.changePassword.mutationOptions({
      onSuccess: async () => {
        toast.success("Password changed", { description: "Sign in again with your new password." });
        await signOutAction();
      },
      onError: (error: ServerError) => {
        showServerErrors(form.setError, error, () => "");
        if (error.message.includes("current password")) form.setError("currentPassword", { message: error.message });
        toast.error("Your password was not changed", { description: error.message });
      },
    }),
  );
  const field = (name: keyof ChangeOwnPasswordValues) => ({ ...fieldA11y(name, errors[name]?.message), ...form.register(name) });
  return (
    <Card>
      <form onSubmit={form.handleSubmit(() => change.mutate(form.getValues()))} noValidate aria-label="Change password">
        <CardHeader>
          <CardTitle>Password</CardTitle>
          <CardDescription>12 to 128 characters. Changing it signs you out everywhere, here too.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-3">
          <FormField label="Current password" htmlFor="currentPassword" error={errors.currentPassword?.message} required>
            <Input {...field("currentPassword")} type="password" autoComplete="current-password" required />
          </FormField>
          <FormField label="New password" htmlFor="newPassword" error={errors.newPassword?.message} required>
            <Input {...field("newPassword")} type="password" autoComplete="new-password" required />
          </FormField>
          <FormField label="Repeat new password" htmlFor="confirmPassword" error={errors.confirmPassword?.message} required>
            <Input {...field("confirmPassword")} type="password" autoComplete="new-password" required />
          </FormField>
        </CardContent>
        <CardFooter className="justify-end">
          <Button type="submit" loading={change.isPending}>
            Change password
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}

export function ProfileForms() {
  return (
    <div className="flex flex-col gap-6">
      <NameForm />
      <PasswordForm />
    </div>
  );
}
