"use client";

import { MoreHorizontal } from "lucide-react";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import type { ManagedUser } from "./user-actions";

/** The actions menu of ./user-actions.tsx (Radix's dropdown), loaded when the pointer or the focus reaches its button. */
export function UserActionsMenu({ user, isSelf, onChoose, defaultOpen, focusTrigger }: { user: ManagedUser; isSelf: boolean; onChoose: (action: "edit" | "password" | "active") => void; defaultOpen: boolean; focusTrigger: boolean }) {
  const trigger = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // It replaces the stand-in button: it takes over the focus if that one had it.
    if (focusTrigger && !defaultOpen) trigger.current?.focus();
  }, [focusTrigger, defaultOpen]);
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>
        <Button ref={trigger} variant="ghost" size="icon" aria-label={`Actions for ${user.name}`}>
          <MoreHorizontal aria-hidden className="size-4" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end">
        <DropdownMenuItem onSelect={() => onChoose("edit")}>Edit name and role</DropdownMenuItem>
        <DropdownMenuItem onSelect={() => onChoose("password")}>Set a new password</DropdownMenuItem>
        {!isSelf ? (
          <DropdownMenuItem variant={user.isActive ? "destructive" : "default"} onSelect={() => onChoose("active")}>
            {user.isActive ? "Deactivate" : "Reactivate"}
          </DropdownMenuItem>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
