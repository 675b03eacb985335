"use client";

import { useMutation } from "@tanstack/react-query";
import { MoreHorizontal } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { lazyDialogPart, useLoadOnIntent } from "@/components/ui/lazy";
import { ControlLoadFailure } from "@/components/ui/load-failure";
import { toast } from "@/components/ui/toaster";
import { useTRPC } from "@/lib/trpc/react";
import type { Role } from "@/lib/value-sets";
import { useRefreshUsers } from "./use-refresh-users";

export type ManagedUser = { id: bigint; name: string; email: string; role: Role; isActive: boolean; updatedAt?: Date };

const loadMenu = () => import("./user-actions-menu").then((module) => module.UserActionsMenu);
const EditUserForm = lazyDialogPart(() => import("./user-forms").then((module) => module.EditUserForm));
const SetPasswordForm = lazyDialogPart(() => import("./user-forms").then((module) => module.SetPasswordForm));

/** Edit, set a password, deactivate or reactivate one user. */
export function UserActions({ user, roles, isSelf }: { user: ManagedUser; roles: readonly Role[]; isSelf: boolean }) {
  const trpc = useTRPC();
  const refresh = useRefreshUsers();
  const [open, setOpen] = useState<"edit" | "password" | "active" | null>(null);
  const menu = useLoadOnIntent(loadMenu);
  const setActive = useMutation(
    trpc.user.setActive.mutationOptions({
      onSuccess: async (updated) => {
        await refresh();
        toast.success(updated.isActive ? `${user.name} can sign in again` : `${user.name} was deactivated`);
        setOpen(null);
      },
      onError: (error) => toast.error("Nothing was changed", { description: error.message }),
    }),
  );
  return (
    <>
      {menu.loaded ? (
        <menu.loaded.value user={user} isSelf={isSelf} onChoose={setOpen} defaultOpen={menu.loaded.open} focusTrigger={menu.loaded.focus} />
      ) : (
        <Button variant="ghost" size="icon" aria-label={`Actions for ${user.name}`} aria-haspopup="menu" aria-expanded={false} data-state="closed" {...menu.triggerProps}>
          <MoreHorizontal aria-hidden className="size-4" />
        </Button>
      )}
      {menu.failed && !menu.loaded ? <ControlLoadFailure /> : null}
      <Dialog open={open === "edit" || open === "password"} onOpenChange={(next) => !next && setOpen(null)}>
        <DialogContent>
          <DialogHeader>
            <DialogTitle>{open === "edit" ? `Edit ${user.name}` : `New password for ${user.name}`}</DialogTitle>
            <DialogDescription>{open === "edit" ? user.email : "Their open sessions end when you save."}</DialogDescription>
          </DialogHeader>
          {open === "edit" ? <EditUserForm user={user} roles={roles} onDone={() => setOpen(null)} /> : null}
          {open === "password" ? <SetPasswordForm user={user} onDone={() => setOpen(null)} /> : null}
        </DialogContent>
      </Dialog>
      <ConfirmDialog
        open={open === "active"}
        onOpenChange={(next) => !next && setOpen(null)}
        title={user.isActive ? `Deactivate ${user.name}?` : `Reactivate ${user.name}?`}
        description={user.isActive ? "They are signed out at their next request and cannot sign in until reactivated." : "They can sign in again with their password."}
        confirmLabel={user.isActive ? "Deactivate" : "Reactivate"}
        destructive={user.isActive}
        loading={setActive.isPending}
        onConfirm={() => setActive.mutate({ id: user.id, isActive: !user.isActive })}
      />
    </>
  );
}
