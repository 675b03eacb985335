import { CallListSkeleton } from "@/components/calls/call-list-skeleton";

export default function Loading() {
  return <CallListSkeleton label="Loading calls" />;
}
