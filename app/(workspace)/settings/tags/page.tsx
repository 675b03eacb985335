import type { Metadata } from "next";
import { TagsManager } from "@/components/tags/tags-manager";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/lib/trpc/server";
import { requireUser } from "@/server/auth/current-user";

export const metadata: Metadata = { title: "Tags" };

export default async function TagsPage() {
  await requireUser();
  prefetch(trpc.tag.list.queryOptions());
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Tags" description="The labels your team puts on calls. Everyone in the organization can manage them." />
      <HydrateClient>
        <TagsManager />
      </HydrateClient>
    </div>
  );
}
