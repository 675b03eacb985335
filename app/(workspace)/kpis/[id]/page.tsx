import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { KpiHistory } from "@/components/kpis/kpi-history";
import { getQueryClient, HydrateClient, trpc } from "@/lib/trpc/server";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "KPI" };

export default async function KpiPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  if (!/^\d+$/.test(id)) notFound();
  try {
    await getQueryClient().fetchQuery(trpc.kpi.history.queryOptions({ id }));
  } catch {
    notFound();
  }
  return (
    <HydrateClient>
      <KpiHistory id={id} canEdit={user.role !== "Manager"} />
    </HydrateClient>
  );
}
