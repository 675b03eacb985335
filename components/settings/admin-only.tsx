import { ShieldAlert } from "lucide-react";
import { EmptyState } from "@/components/ui/empty-state";
import type { SessionUser } from "@/server/auth/session-user";

export function isOrganizationAdmin(user: Pick<SessionUser, "role">): boolean {
  return user.role === "Admin" || user.role === "SuperAdmin";
}

/** What a Manager gets on an Admin-only settings page: no data, just why. */
export function AdminOnlyNotice({ page }: { page: string }) {
  return (
    <EmptyState
      icon={<ShieldAlert />}
      title="Only Admins can open this page"
      description={`${page} are managed by your organization's Admins. Ask one of them if something here needs to change.`}
    />
  );
}
