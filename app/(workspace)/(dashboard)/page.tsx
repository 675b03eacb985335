import type { Metadata } from "next";
import { Dashboard } from "@/components/dashboard/dashboard";
import { HydrateClient, prefetchBeforeRender, trpc } from "@/lib/trpc/server";
import { dashboardInputFromParams } from "@/lib/validation/dashboard";

export const metadata: Metadata = { title: "Dashboard" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function DashboardPage({ searchParams }: Props) {
  const params = await searchParams;
  const input = dashboardInputFromParams({ get: (name) => (typeof params[name] === "string" ? (params[name] as string) : null) });
  await prefetchBeforeRender(trpc.dashboard.summary.queryOptions(input), trpc.dashboard.timeseries.queryOptions(input));
  return (
    <HydrateClient>
      <Dashboard />
    </HydrateClient>
  );
}
