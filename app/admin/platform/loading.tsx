import { PlatformSkeleton } from "@/components/admin/platform-skeleton";

export default function Loading() {
  return <PlatformSkeleton />;
}
