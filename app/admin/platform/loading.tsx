import { PlatformSkeleton } from "@/components/admin/platform-view";

export default function Loading() {
  return <PlatformSkeleton />;
}
