import type { Metadata } from "next";
import { Suspense } from "react";
import { PaymentTable } from "@/components/billing/payment-table";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { formatMoney } from "@/lib/format";
import type { PageSearchParams } from "@/lib/search-params";
import { getQueryClient, trpc } from "@/lib/trpc/server";
import { paymentFiltersFromParams } from "@/lib/validation/payment";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Billing" };

export default async function BillingPage({ searchParams }: { searchParams: Promise<PageSearchParams> }) {
  const user = await requireUser();
  if (user.role === "Manager") return <PageHeader title="Billing" description="Only Admins of your organization see its billing. Ask one of them." />;
  const organization = await getQueryClient().fetchQuery(trpc.organization.current.queryOptions());
  const limit = organization.plan?.creditLimit ?? "0";
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Billing" description="Your plan, credit and payments. AutoPulse records payments; contact your account manager for changes." />
      <Card>
        <CardHeader>
          <CardTitle>Plan and credit</CardTitle>
          <CardDescription>Connected calls use credit. Past the limit, campaigns cannot be activated and the dial queue stops.</CardDescription>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-1 gap-4 sm:grid-cols-3">
            <div>
              <dt className="text-xs text-muted-foreground">Plan</dt>
              <dd className="text-lg font-semibold">{organization.plan?.name ?? "No plan"}</dd>
            </div>
            <div>
              <dt className="text-xs text-muted-foreground">Credit balance</dt>
              <dd className="text-lg font-semibold tabular-nums">{formatMoney(organization.creditBalance)}</dd>
            </div>
            <div>
              <dt className="text-xs text-muted-foreground">May go below zero by</dt>
              <dd className="text-lg font-semibold tabular-nums">{formatMoney(limit)}</dd>
            </div>
          </dl>
        </CardContent>
      </Card>
      <section aria-labelledby="payment-history" className="flex flex-col gap-3">
        <h2 id="payment-history" className="text-lg font-semibold">
          Payment history
        </h2>
        <Suspense fallback={<Skeleton className="h-64 w-full" />}>
          <PaymentTable scope="own" filters={paymentFiltersFromParams(await searchParams)} timeZone={organization.timezone} />
        </Suspense>
      </section>
    </div>
  );
}
