"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import type { ButtonVariant } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { toast } from "@/components/ui/toaster";
import { useTRPC } from "@/lib/trpc/react";
import type { CampaignStatus } from "@/lib/validation/campaign";

const actionLabels: Record<CampaignStatus, string> = {
  Draft: "Back to draft",
  Scheduled: "Schedule",
  Active: "Activate",
  Paused: "Pause",
  Completed: "Complete",
  Archived: "Archive",
};

const confirmations: Partial<Record<CampaignStatus, { title: string; description: string }>> = {
  Completed: { title: "Complete this campaign?", description: "No more calls will be placed. A completed campaign can only be archived afterwards." },
  Archived: { title: "Archive this campaign?", description: "It stops calling and leaves the active lists. Archiving cannot be undone." },
};

const variants: Partial<Record<CampaignStatus, ButtonVariant>> = { Active: "primary", Archived: "outline", Completed: "outline", Paused: "secondary", Scheduled: "secondary" };

export function CampaignStatusActions({ campaignId, name, allowedMoves }: { campaignId: bigint; name: string; allowedMoves: readonly CampaignStatus[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState<CampaignStatus | null>(null);
  const setStatus = useMutation(
    trpc.campaign.setStatus.mutationOptions({
      onSuccess: (campaign) => {
        toast.success(`${name} is now ${campaign.status}`);
        setConfirming(null);
        void queryClient.invalidateQueries({ queryKey: trpc.campaign.pathKey() });
      },
      onError: (error) => toast.error("The status did not change", { description: error.message }),
    }),
  );
  if (!allowedMoves.length) return null;
  const confirmation = confirming ? confirmations[confirming] : undefined;
  return (
    <>
      {allowedMoves.map((status) => (
        <Button
          key={status}
          variant={variants[status] ?? "secondary"}
          loading={setStatus.isPending && setStatus.variables?.status === status}
          disabled={setStatus.isPending}
          onClick={() => (confirmations[status] ? setConfirming(status) : setStatus.mutate({ id: campaignId, status }))}
        >
          {actionLabels[status]}
        </Button>
      ))}
      <ConfirmDialog
        open={confirming !== null}
        onOpenChange={(open) => (open ? undefined : setConfirming(null))}
        title={confirmation?.title ?? ""}
        description={confirmation?.description}
        confirmLabel={confirming ? actionLabels[confirming] : "Confirm"}
        destructive={confirming === "Archived"}
        loading={setStatus.isPending}
        onConfirm={() => confirming && setStatus.mutate({ id: campaignId, status: confirming })}
      />
    </>
  );
}
