import type { Metadata } from "next";
import { PlatformView } from "@/components/admin/platform-view";
import { platformInputFromParams } from "@/lib/platform-metrics";
import { searchParamReader } from "@/lib/search-params";
import type { PageSearchParams } from "@/lib/search-params";
import { HydrateClient, prefetchBeforeRender, trpc } from "@/lib/trpc/server";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Platform" };

type Props = { searchParams: Promise<PageSearchParams> };

export default async function PlatformPage({ searchParams }: Props) {
  // The layout shows everyone else a 403 page; pages render alongside it, so do not even ask.
  if ((await requireUser()).role !== "SuperAdmin") return null;
  const params = await searchParams;
  const { summary, compare } = platformInputFromParams(searchParamReader(params));
  await prefetchBeforeRender(
    trpc.dashboard.platformSummary.queryOptions(summary),
    ...(compare ? [trpc.dashboard.compareOrganization.queryOptions({ period: summary.period, from: summary.from, to: summary.to, organizationId: compare })] : []),
  );
  return (
    <HydrateClient>
      <PlatformView input={summary} compare={compare} />
    </HydrateClient>
  );
}
