import type { Metadata } from "next";
import { ProfileForms } from "@/components/users/profile-forms";
import { PageHeader } from "@/components/ui/page-header";
import { HydrateClient, prefetch, trpc } from "@/lib/trpc/server";

export const metadata: Metadata = { title: "Your profile" };

export default function ProfilePage() {
  prefetch(trpc.user.me.queryOptions());
  return (
    <div className="flex flex-col gap-2">
      <PageHeader title="Your profile" description="Your name as others see it, and your password." />
      <HydrateClient>
        <ProfileForms />
      </HydrateClient>
    </div>
  );
}
