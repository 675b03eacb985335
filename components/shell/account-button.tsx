import type * as React from "react";
import { Button } from "@/components/ui/button";

export type AccountUser = { name: string };

/** The header's account button: initials and name. The same element before and after the menu's code loads. */
export function AccountButton({ user, ...props }: { user: AccountUser } & React.ComponentProps<typeof Button>) {
  const initials = user.name
    .split(/\s+/)
    .map((part) => part[0])
    .slice(0, 2)
    .join("")
    .toUpperCase();
  return (
    <Button variant="ghost" size="sm" aria-label={`Account menu for ${user.name}`} className="gap-2" {...props}>
      <span aria-hidden className="grid size-7 place-items-center rounded-full bg-muted text-xs font-semibold">
        {initials}
      </span>
      <span className="hidden text-sm sm:inline">{user.name}</span>
    </Button>
  );
}
