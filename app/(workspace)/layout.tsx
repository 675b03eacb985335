import type { ReactNode } from "react";
import { ActingBanner } from "@/components/admin/acting-banner";
import { LowCreditBanner } from "@/components/billing/low-credit-banner";
import { AppShell } from "@/components/shell/app-shell";
import { navigationFor } from "@/components/shell/navigation";
import { creditStatus } from "@/lib/credit-status";
import { requireUser } from "@/server/auth/current-user";
import type { SessionUser } from "@/server/auth/session-user";
import { getDb } from "@/server/db";
import type { Prisma } from "@/server/generated/prisma/client";
import { TRPCReactProvider } from "@/lib/trpc/react";

export const dynamic = "force-dynamic";

async function lowCreditBanner(organizationId: string) {
  // One statement (Prisma would read the plan with a second one): this runs on every page.
  const [organization] = await getDb().$queryRaw<{ credit_balance: Prisma.Decimal; credit_limit: Prisma.Decimal | null }[]>`
    SELECT o.credit_balance, p.credit_limit FROM organization o LEFT JOIN plan p ON p.id = o.plan_id WHERE o.id = ${organizationId}::uuid`;
  if (!organization) return null;
  const creditLimit = organization.credit_limit?.toString() ?? "0";
  const status = creditStatus(organization.credit_balance, creditLimit);
  if (status === "ok") return null;
  return <LowCreditBanner status={status} balance={organization.credit_balance.toString()} creditLimit={creditLimit} />;
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
