import { Eye } from "lucide-react";
import { stopActingAction } from "@/app/admin/actions";
import { Button } from "@/components/ui/button";

/** Shown on every page while a super admin is inside another organization's workspace. */
export function ActingBanner({ organizationName }: { organizationName: string }) {
  return (
    <div role="status" data-testid="acting-banner" className="flex flex-wrap items-center gap-x-3 gap-y-2 bg-amber-100 px-4 py-2 text-sm text-amber-950 dark:bg-amber-950 dark:text-amber-100 sm:px-6">
      <Eye aria-hidden className="size-4 shrink-0" />
      <p className="min-w-0 flex-1">
        You are acting as <strong>{organizationName}</strong>. What you do here is recorded in its audit log under your name.
      </p>
      <form action={stopActingAction}>
        <Button type="submit" size="sm" variant="outline" className="border-amber-700/40 bg-transparent">
          Leave {organizationName}
        </Button>
      </form>
    </div>
  );
}
