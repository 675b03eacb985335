import type { Metadata } from "next";
import { AgentsManager } from "@/components/agents/agents-manager";
import { isOrganizationAdmin } from "@/components/settings/admin-only";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/lib/trpc/server";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Voice agents" };

export default async function AgentsPage() {
  const user = await requireUser();
  const canEdit = isOrganizationAdmin(user);
  prefetch(trpc.agent.list.queryOptions());
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Voice agents" description={canEdit ? "The AI agents that place your calls. Paused agents take no new calls." : "The AI agents that place your calls. Only Admins can change them."} />
      <HydrateClient>
        <AgentsManager canEdit={canEdit} />
      </HydrateClient>
    </div>
  );
}
