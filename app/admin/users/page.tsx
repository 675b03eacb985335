import type { Metadata } from "next";
import { Suspense } from "react";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { UserTable } from "@/components/users/user-table";
import type { PageSearchParams } from "@/lib/search-params";
import { userListFiltersFromParams } from "@/lib/validation/user-form";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Platform users" };

export default async function PlatformUsersPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const user = await requireUser();
  const filters = userListFiltersFromParams(await searchParams);
  return (
    <div className="flex flex-col gap-2">
      <PageHeader title="Users" description="Every user of every organization. Super admins exist only in the platform organization." />
      <Suspense fallback={<Skeleton className="h-64 w-full" />}>
        <UserTable scope="platform" filters={filters} currentUserId={String(user.id)} roles={["Admin", "Manager"]} />
      </Suspense>
    </div>
  );
}
