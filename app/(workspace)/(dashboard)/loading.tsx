import { DashboardSkeleton } from "@/components/dashboard/dashboard";

export default function Loading() {
  return <DashboardSkeleton />;
}
