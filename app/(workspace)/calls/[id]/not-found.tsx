import { PhoneOff } from "lucide-react";
import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

export default function CallNotFound() {
  return (
    <EmptyState
      icon={<PhoneOff />}
      title="This call does not exist in your organization"
      description="It may have been deleted, or the link belongs to another organization."
      action={
        <Link href="/calls" className={buttonVariants({ variant: "outline" })}>
          Back to the call log
        </Link>
      }
    />
  );
}
