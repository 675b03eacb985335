import { Building2, CreditCard, Gauge } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatMoney } from "@/lib/format";
import { getQueryClient, trpc } from "@/lib/trpc/server";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const user = await requireUser();
  const organization = await getQueryClient().fetchQuery(trpc.organization.current.queryOptions());
  const firstName = user.name.split(" ")[0];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={`Welcome, ${firstName}`} description={`You are working in ${organization.name}.`} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Card>
          <CardHeader className="pb-6">
            <CardDescription className="flex items-center gap-2">
              <CreditCard aria-hidden className="size-4" /> Credit balance
            </CardDescription>
            <CardTitle as="div" className="text-2xl tabular-nums">
              {formatMoney(organization.creditBalance)}
            </CardTitle>
          </CardHeader>
        </Card>
        <Card>
          <CardHeader className="pb-6">
            <CardDescription className="flex items-center gap-2">
              <Building2 aria-hidden className="size-4" /> Plan
            </CardDescription>
            <CardTitle as="div" className="text-2xl">
              {organization.plan?.name ?? "No plan"}
            </CardTitle>
          </CardHeader>
        </Card>
        <Card>
          <CardHeader className="pb-6">
            <CardDescription className="flex items-center gap-2">
              <Gauge aria-hidden className="size-4" /> Concurrent calls
            </CardDescription>
            <CardTitle as="div" className="text-2xl tabular-nums">
              {organization.callConcurrencyLimit}
            </CardTitle>
          </CardHeader>
        </Card>
      </div>
      <Card>
        <CardHeader>
          <CardTitle>Your organization</CardTitle>
          <CardDescription>Contact details, compliance flags and the services you offer.</CardDescription>
        </CardHeader>
        <CardContent>
          <Link href="/settings/organization" className="text-sm font-medium text-primary underline-offset-4 hover:underline">
            Open organization settings →
          </Link>
        </CardContent>
      </Card>
    </div>
  );
}
