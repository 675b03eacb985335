import { Badge } from "@/components/ui/badge";
import type { BadgeVariant } from "@/components/ui/badge";

const variants: Record<string, BadgeVariant> = {
  Draft: "outline",
  Scheduled: "primary",
  Active: "success",
  Paused: "warning",
  Completed: "neutral",
  Archived: "neutral",
};

export function CampaignStatusBadge({ status }: { status: string }) {
  return <Badge variant={variants[status] ?? "neutral"}>{status}</Badge>;
}
