import type { Metadata } from "next";
import { PlanManager } from "@/components/admin/plan-manager";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/lib/trpc/server";

export const metadata: Metadata = { title: "Plans" };

export default function PlansPage() {
  prefetch(trpc.plan.list.queryOptions());
  return (
    <div className="flex flex-col gap-2">
      <PageHeader title="Plans" description="Price, how far below zero an organization may go, and what a connected minute costs." />
      <HydrateClient>
        <PlanManager />
      </HydrateClient>
    </div>
  );
}
