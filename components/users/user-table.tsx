"use client";

import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { Plus, UserCog } from "lucide-react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterSelect } from "@/components/ui/filter-select";
import { ErrorState } from "@/components/ui/error-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime, roleLabels } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import type { Role } from "@/lib/value-sets";
import type { UserListFilters } from "@/lib/validation/user-form";
import { UserActions } from "./user-actions";
import { lazyDialogPart } from "@/components/ui/lazy";

const UserCreateForm = lazyDialogPart(() => import("./user-create-form").then((module) => module.UserCreateForm));

type Props = {
  /** "platform": every organization with an organization filter (super admins); "organization": the caller's own. */
  scope: "platform" | "organization";
  /** The URL's filters, parsed by the page (lib/validation/user-form.ts userListFiltersFromParams). */
  filters: UserListFilters;
  currentUserId: string;
  /** Roles this caller may give. */
  roles: readonly Role[];
  timeZone?: string;
};

const allValue = "all";

export function UserTable({ scope, filters, currentUserId, roles, timeZone }: Props) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [search, setSearch] = useState(filters.search ?? "");
  const [creatingIn, setCreatingIn] = useState<string | null | undefined>(undefined);
  const organizations = useQuery({ ...trpc.organization.list.queryOptions({ pageSize: 100 }), enabled: scope === "platform" });
  const users = useQuery({ ...trpc.user.list.queryOptions(scope === "platform" ? filters : { ...filters, organizationId: undefined }), placeholderData: keepPreviousData });

  const setFilter = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(searchParams.toString());
    if (!value || value === allValue) next.delete(key);
    else next.set(key, value);
    router.replace(`${pathname}?${next.toString()}`, { scroll: false });
  };
  const organizationForNewUser = scope === "platform" ? filters.organizationId : undefined;

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end gap-3">
        <form
          role="search"
          className="flex w-full min-w-0 flex-col gap-1.5 sm:w-auto sm:max-w-xs sm:flex-1"
          onSubmit={(event) => {
            event.preventDefault();
            setFilter("search", search.trim());
          }}
        >
          <Label htmlFor="user-search">Search name or email</Label>
          <Input id="user-search" type="search" value={search} onChange={(event) => setSearch(event.target.value)} onBlur={() => setFilter("search", search.trim())} />
        </form>
        {scope === "platform" ? (
          <FilterSelect
            id="organization-filter"
            label="Organization"
            value={filters.organizationId}
            onChange={(value) => setFilter("organizationId", value)}
            options={(organizations.data?.items ?? []).map((organization) => ({ value: organization.id, label: organization.name }))}
            anyLabel="All organizations"
            triggerClassName="w-52"
          />
        ) : null}
        <FilterSelect
          id="role-filter"
          label="Role"
          value={filters.role}
          onChange={(value) => setFilter("role", value)}
          options={(scope === "platform" ? (["SuperAdmin", "Admin", "Manager"] as const) : (["Admin", "Manager"] as const)).map((role) => ({ value: role, label: roleLabels[role] }))}
          anyLabel="All roles"
        />
        <FilterSelect
          id="active-filter"
          label="Status"
          value={filters.status}
          onChange={(value) => setFilter("status", value)}
          options={[
            { value: "all", label: "All" },
            { value: "active", label: "Active" },
            { value: "inactive", label: "Deactivated" },
          ]}
          triggerClassName="w-32"
        />
        <Button className="ml-auto" onClick={() => setCreatingIn(organizationForNewUser ?? null)} disabled={scope === "platform" && !organizationForNewUser} title={scope === "platform" && !organizationForNewUser ? "Choose an organization first" : undefined}>
          <Plus aria-hidden className="size-4" /> Add user
        </Button>
      </div>
      {scope === "platform" && !organizationForNewUser ? <p className="text-xs text-muted-foreground">To add a user, choose their organization in the filter first.</p> : null}

      {users.isError ? (
        <ErrorState message={users.error.message} onRetry={() => void users.refetch()} />
      ) : !users.data ? (
        <Skeleton className="h-64 w-full" />
      ) : users.data.length === 0 ? (
        <EmptyState icon={<UserCog />} title="No users match" description="Change the search or filters, or add a user." />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>User</TableHead>
              {scope === "platform" ? <TableHead>Organization</TableHead> : null}
              <TableHead>Role</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Last sign-in</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {users.data.map((user) => (
              <TableRow key={String(user.id)}>
                <TableCell>
                  <p className="font-medium">{user.name}</p>
                  <p className="text-xs text-muted-foreground">{user.email}</p>
                </TableCell>
                {scope === "platform" ? <TableCell>{user.organization.name}</TableCell> : null}
                <TableCell>{roleLabels[user.role]}</TableCell>
                <TableCell>{user.isActive ? <Badge variant="success">Active</Badge> : <Badge variant="neutral">Deactivated</Badge>}</TableCell>
                <TableCell className="whitespace-nowrap">{user.lastSignInAt ? formatDateTime(user.lastSignInAt, timeZone) : "Never"}</TableCell>
                <TableCell className="text-right">
                  <UserActions user={user} roles={user.role === "SuperAdmin" ? ["SuperAdmin"] : roles.filter((role) => role !== "SuperAdmin")} isSelf={String(user.id) === currentUserId} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Dialog open={creatingIn !== undefined} onOpenChange={(open) => !open && setCreatingIn(undefined)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>Add a user</DialogTitle>
            <DialogDescription>They sign in with their email and a password of at least 12 characters.</DialogDescription>
          </DialogHeader>
          {creatingIn !== undefined ? <UserCreateForm organizationId={creatingIn ?? undefined} roles={roles} onDone={() => setCreatingIn(undefined)} /> : null}
        </DialogContent>
      </Dialog>
    </div>
  );
}
