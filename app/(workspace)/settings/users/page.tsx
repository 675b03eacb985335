import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { UserTable } from "@/components/users/user-table";
import type { PageSearchParams } from "@/lib/search-params";
import { getQueryClient, trpc } from "@/lib/trpc/server";
import { userListFiltersFromParams } from "@/lib/validation/user-form";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Users" };

export default async function OrganizationUsersPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const user = await requireUser();
  if (user.role === "Manager") {
    return <PageHeader title="Users" description="Only Admins of your organization manage its users. Ask one of them for changes." />;
  }
  const organization = await getQueryClient().fetchQuery(trpc.organization.current.queryOptions());
  return (
    <div className="flex flex-col gap-2">
      <PageHeader title="Users" description={`Who can sign in to ${organization.name}. Admins manage users and settings; Managers run the day-to-day.`} />
      <Suspense fallback={<Skeleton className="h-64 w-full" />}>
        <UserTable scope="organization" filters={userListFiltersFromParams(await searchParams)} currentUserId={String(user.id)} roles={["Admin", "Manager"]} timeZone={organization.timezone} />
      </Suspense>
    </div>
  );
}
