import { Building2, CreditCard, Gauge } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { formatMoney } from "@/lib/format";
import { getQueryClient, trpc } from "@/lib/trpc/server";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Home" };

function Stat({ icon, label, value }: { icon: ReactNode; label: string; value: string }) {
  return (
    <Card>
      <CardHeader className="pb-6">
        <CardDescription className="flex items-center gap-2">
          {icon} {label}
        </CardDescription>
        <CardTitle as="div" className="text-2xl tabular-nums">
          {value}
        </CardTitle>
      </CardHeader>
    </Card>
  );
}

export default async function HomePage() {
  const user = await requireUser();
  const organization = await getQueryClient().fetchQuery(trpc.organization.current.queryOptions());
  const firstName = user.name.split(" ")[0];
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={`Welcome, ${firstName}`} description={`You are working in ${organization.name}.`} />
      <div className="grid gap-4 sm:grid-cols-3">
        <Stat icon={<CreditCard aria-hidden className="size-4" />} label="Credit balance" value={formatMoney(organization.creditBalance)} />
        <Stat icon={<Building2 aria-hidden className="size-4" />} label="Plan" value={organization.plan?.name ?? "No plan"} />
        <Stat icon={<Gauge aria-hidden className="size-4" />} label="Concurrent calls" value={String(organization.callConcurrencyLimit)} />
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
