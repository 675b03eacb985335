import type { ReactNode } from "react";
import { Forbidden } from "@/components/admin/forbidden";
import { ActingBanner } from "@/components/admin/acting-banner";
import { AppShell } from "@/components/shell/app-shell";
import { navigationFor } from "@/components/shell/navigation";
import { TRPCReactProvider } from "@/lib/trpc/react";
import { requireUser } from "@/server/auth/current-user";

export const dynamic = "force-dynamic";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  // The page guard is for people; every procedure behind these pages is a superAdminProcedure anyway.
  if (user.role !== "SuperAdmin") return <Forbidden />;
  return (
    <TRPCReactProvider>
      <AppShell
        user={{ name: user.name, email: user.email, role: user.role }}
        organizationName={user.organizationName}
        sections={navigationFor(user.role)}
        banner={user.actingOrganization ? <ActingBanner organizationName={user.actingOrganization.name} /> : null}
      >
        {children}
      </AppShell>
    </TRPCReactProvider>
  );
}
