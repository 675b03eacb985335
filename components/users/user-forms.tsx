"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation } from "@tanstack/react-query";
import { Controller, useForm } from "react-hook-form";
import { showServerErrors } from "@/components/admin/server-errors";
import type { ServerError } from "@/components/admin/server-errors";
import { handleEditConflict } from "@/components/ui/edit-conflict";
import { Button } from "@/components/ui/button";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { useTRPC } from "@/lib/trpc/react";
import type { Role } from "@/lib/value-sets";
import { userSetPasswordInput, userUpdateInput } from "@/lib/validation/user-form";
import type { UserUpdateFormValues } from "@/lib/validation/user-form";
import type { ManagedUser } from "./user-actions";
import { RoleSelect } from "./role-select";
import { useRefreshUsers as useRefresh } from "./use-refresh-users";

// The dialogs' forms of ./user-actions.tsx, loaded when one opens.

export function EditUserForm({ user, roles, onDone }: { user: ManagedUser; roles: readonly Role[]; onDone: () => void }) {
  const trpc = useTRPC();
  const refresh = useRefresh();
  const form = useForm<UserUpdateFormValues>({ resolver: zodResolver(userUpdateInput), defaultValues: { id: String(user.id), name: user.name, role: user.role } });
  const { errors } = form.formState;
  const update = useMutation(
    trpc.user.update.mutationOptions({
      onSuccess: async () => {
        await refresh();
        toast.success("User saved");
        onDone();
      },
      onError: (error: ServerError) => {
        if (handleEditConflict(error, () => void refresh().then(onDone))) return;
        showServerErrors(form.setError, error, () => "Already taken.");
        toast.error("The user was not saved", { description: error.message });
      },
    }),
  );
  return (
    <form onSubmit={form.handleSubmit(() => update.mutate({ ...form.getValues(), expectedUpdatedAt: user.updatedAt }))} noValidate className="grid gap-4" aria-label="Edit user">
      <FormField label="Name" htmlFor="edit-name" error={errors.name?.message} required>
        <Input {...fieldA11y("edit-name", errors.name?.message)} {...form.register("name")} required />
      </FormField>
      <FormField label="Role" htmlFor="edit-role" error={errors.role?.message} required>
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => <RoleSelect id="edit-role" value={field.value} onChange={field.onChange} roles={roles.includes(user.role) ? roles : [user.role, ...roles]} />}
        />
      </FormField>
      <div className="flex justify-end">
        <Button type="submit" loading={update.isPending}>
          Save
        </Button>
      </div>
    </form>
  );
}

export function SetPasswordForm({ user, onDone }: { user: ManagedUser; onDone: () => void }) {
  const trpc = useTRPC();
  const form = useForm<{ password: string }>({ resolver: zodResolver(userSetPasswordInput.pick({ password: true })), defaultValues: { password: "" } });
  const { errors } = form.formState;
  const setPassword = useMutation(
    trpc.user.setPassword.mutationOptions({
      onSuccess: () => {
        toast.success(`New password set for ${user.name}`, { description: "Their open sessions have ended." });
        onDone();
      },
      onError: (error: ServerError) => {
        showServerErrors(form.setError, error, () => "");
        toast.error("The password was not changed", { description: error.message });
      },
    }),
  );
  return (
    <form onSubmit={form.handleSubmit(() => setPassword.mutate({ id: user.id, password: form.getValues("password") }))} noValidate className="grid gap-4" aria-label="Set a new password">
      <FormField label="New password (12–128 characters)" htmlFor="new-password" error={errors.password?.message} required>
        <Input {...fieldA11y("new-password", errors.password?.message)} {...form.register("password")} type="password" autoComplete="new-password" required />
      </FormField>
      <div className="flex justify-end">
        <Button type="submit" loading={setPassword.isPending}>
          Set password
        </Button>
      </div>
    </form>
  );
}
