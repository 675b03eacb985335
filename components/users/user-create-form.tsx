"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Copy } from "lucide-react";
import { useState } from "react";
import { Controller, useForm, useWatch } from "react-hook-form";
import { showServerErrors } from "@/components/admin/server-errors";
import type { ServerError } from "@/components/admin/server-errors";
import { Button } from "@/components/ui/button";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { useTRPC } from "@/lib/trpc/react";
import type { Role } from "@/lib/value-sets";
import { userCreateInput } from "@/lib/validation/user-form";
import { RoleSelect } from "./role-select";
import type { UserCreateFormValues, UserCreateValues } from "@/lib/validation/user-form";

type Props = {
  /** Super admins pass the organization; Admins create in their own. */
  organizationId?: string;
  roles: readonly Role[];
  onDone: () => void;
};

function SetPasswordLink({ token, onDone }: { token: string; onDone: () => void }) {
  const url = `${window.location.origin}/set-password/${token}`;
  return (
    <div className="flex flex-col gap-3" data-testid="set-password-link">
      <p className="text-sm">
        Send this link to the new user. It is shown <strong>only now</strong>, works once, and expires in 72 hours.
      </p>
      <div className="flex gap-2">
        <Input readOnly value={url} aria-label="Set-password link" onFocus={(event) => event.target.select()} />
        <Button
          type="button"
          variant="outline"
          size="icon"
          aria-label="Copy link"
          onClick={() => void navigator.clipboard?.writeText(url).then(() => toast.success("Link copied"), () => toast.error("Copy it by hand: select the field"))}
        >
          <Copy aria-hidden className="size-4" />
        </Button>
      </div>
      <div className="flex justify-end">
        <Button type="button" onClick={onDone}>
          Done
        </Button>
      </div>
    </div>
  );
}

export function UserCreateForm({ organizationId, roles, onDone }: Props) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [token, setToken] = useState<string | null>(null);
  const form = useForm<UserCreateFormValues, unknown, UserCreateValues>({
    resolver: zodResolver(userCreateInput),
    defaultValues: { organizationId, name: "", email: "", role: roles.includes("Manager") ? "Manager" : roles[0], passwordMode: "link", password: "" },
  });
  const { errors } = form.formState;
  const passwordMode = useWatch({ control: form.control, name: "passwordMode" });
  const create = useMutation(
    trpc.user.create.mutationOptions({
      onSuccess: async (result) => {
        await queryClient.invalidateQueries({ queryKey: trpc.user.pathKey() });
        await queryClient.invalidateQueries({ queryKey: trpc.organization.byId.pathKey() });
        toast.success(`${result.user.name} was added`);
        if (result.setPasswordToken) setToken(result.setPasswordToken);
        else onDone();
      },
      onError: (error: ServerError) => {
        showServerErrors(form.setError, error, () => "Another user already has this email.");
        toast.error("The user was not added", { description: error.message });
      },
    }),
  );
  if (token) return <SetPasswordLink token={token} onDone={onDone} />;
  const onSubmit = form.handleSubmit(() => create.mutate(form.getValues()));
  return (
    <form onSubmit={onSubmit} noValidate aria-label="New user" className="grid gap-4">
      <FormField label="Name" htmlFor="user-name" error={errors.name?.message} required>
        <Input {...fieldA11y("user-name", errors.name?.message)} {...form.register("name")} required autoComplete="off" />
      </FormField>
      <FormField label="Email" htmlFor="user-email" error={errors.email?.message} required>
        <Input {...fieldA11y("user-email", errors.email?.message)} {...form.register("email")} type="email" required autoComplete="off" />
      </FormField>
      <FormField label="Role" htmlFor="user-role" error={errors.role?.message} required>
        <Controller
          control={form.control}
          name="role"
          render={({ field }) => <RoleSelect id="user-role" value={field.value} onChange={field.onChange} roles={roles} />}
        />
      </FormField>
      <fieldset className="grid gap-2">
        <legend className="mb-1 text-sm font-medium">Password</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="link" {...form.register("passwordMode")} className="accent-primary" /> Create a one-time set-password link (expires in 72 hours)
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" value="password" {...form.register("passwordMode")} className="accent-primary" /> Set a password now
        </label>
      </fieldset>
      {passwordMode === "password" ? (
        <FormField label="Password (12–128 characters)" htmlFor="user-password" error={errors.password?.message} required>
          <Input {...fieldA11y("user-password", errors.password?.message)} {...form.register("password")} type="password" autoComplete="new-password" required />
        </FormField>
      ) : null}
      <div className="flex justify-end gap-2">
        <Button type="button" variant="outline" onClick={onDone} disabled={create.isPending}>
          Cancel
        </Button>
        <Button type="submit" loading={create.isPending}>
          Add user
        </Button>
      </div>
    </form>
  );
}
