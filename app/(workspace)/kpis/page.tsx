import type { Metadata } from "next";
import { KpiTable } from "@/components/kpis/kpi-table";
import { HydrateClient, prefetchBeforeRender, trpc } from "@/lib/trpc/server";
import { dashboardInputFromParams } from "@/lib/validation/dashboard";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "KPIs" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function KpisPage({ searchParams }: Props) {
  const user = await requireUser();
  const params = await searchParams;
  await prefetchBeforeRender(trpc.kpi.list.queryOptions(dashboardInputFromParams({ get: (name) => (typeof params[name] === "string" ? (params[name] as string) : null) })));
  return (
    <HydrateClient>
      <KpiTable canEdit={user.role !== "Manager"} />
    </HydrateClient>
  );
}
