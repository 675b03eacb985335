"use client";

import { LogOut, UserCog } from "lucide-react";
import Link from "next/link";
import { signOutAction } from "@/app/actions";
import { DropdownMenu, DropdownMenuContent, DropdownMenuItem, DropdownMenuLabel, DropdownMenuSeparator, DropdownMenuTrigger } from "@/components/ui/dropdown-menu";
import { roleLabels } from "@/lib/roles";
import { AccountButton } from "./account-button";

export type UserMenuUser = { name: string; email: string; role: keyof typeof roleLabels };

/** The account menu (profile, sign out). Loaded by the app shell on first hover, focus or click of the account button. */
export function UserMenu({ user, defaultOpen, focusTrigger }: { user: UserMenuUser; defaultOpen: boolean; focusTrigger: boolean }) {
  return (
    <DropdownMenu defaultOpen={defaultOpen}>
      <DropdownMenuTrigger asChild>
        <AccountButton user={user} autoFocus={focusTrigger && !defaultOpen} />
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-60">
        <DropdownMenuLabel>
          <p className="truncate text-sm font-medium">{user.name}</p>
          <p className="truncate text-xs font-normal text-muted-foreground">{user.email}</p>
          <p className="text-xs font-normal text-muted-foreground">{roleLabels[user.role]}</p>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/profile">
            <UserCog aria-hidden className="size-4" />
            Your profile
          </Link>
        </DropdownMenuItem>
        <form action={signOutAction}>
          <DropdownMenuItem asChild>
            <button type="submit" className="w-full">
              <LogOut aria-hidden className="size-4" />
              Sign out
            </button>
          </DropdownMenuItem>
        </form>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
