import type { ReactNode } from "react";
import { ActingBanner } from "@/components/admin/acting-banner";
import { LowCreditBanner } from "@/components/billing/low-credit-banner";
import { AppShell } from "@/components/shell/app-shell";
import { navigationFor } from "@/components/shell/navigation";
import { creditStatus } from "@/lib/credit-status";
import { requireUser } from "@/server/auth/current-user";
import type { SessionUser } from "@/server/auth/session-user";
import { getDb } from "@/server/db";
import { TRPCReactProvider } from "@/lib/trpc/react";

export const dynamic = "force-dynamic";

async function lowCreditBanner(organizationId: string) {
  const organization = await getDb().organization.findUnique({ where: { id: organizationId }, select: { creditBalance: true, plan: { select: { creditLimit: true } } } });
  if (!organization) return null;
  const creditLimit = organization.plan?.creditLimit.toString() ?? "0";
  const status = creditStatus(organization.creditBalance, creditLimit);
  if (status === "ok") return null;
  return <LowCreditBanner status={status} balance={organization.creditBalance.toString()} creditLimit={creditLimit} />;
}

async function bannersFor(user: SessionUser) {
  if (user.actingOrganization) return <ActingBanner organizationName={user.actingOrganization.name} />;
  if (user.role === "SuperAdmin") return null;
  return lowCreditBanner(user.organizationId);
}

export default async function WorkspaceLayout({ children }: { children: ReactNode }) {
  const user = await requireUser();
  const organizationName = user.actingOrganization?.name ?? user.organizationName;
  return (
    <TRPCReactProvider>
      <AppShell user={{ name: user.name, email: user.email, role: user.role }} organizationName={organizationName} sections={navigationFor(user.role)} banner={await bannersFor(user)}>
        {children}
      </AppShell>
    </TRPCReactProvider>
  );
}
