import type { ReactNode } from "react";
import { AppShell } from "@/components/shell/app-shell";
import { navigationFor } from "@/components/shell/navigation";
import { requireUser } from "@/server/auth/current-user";
import { TRPCReactProvider } from "@/lib/trpc/react";

export const dynamic = "force-dynamic";

export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const organizationName = user.actingOrganization?.name ?? user.organizationName;
  return (
    <TRPCReactProvider>
      <AppShell user={{ name: user.name, email: user.email, role: user.role }} organizationName={organizationName} sections={navigationFor(user.role)}>
        {children}
      </AppShell>
    </TRPCReactProvider>
  );
}
