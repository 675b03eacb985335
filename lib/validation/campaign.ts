import { z } from "zod";
import { campaignSorts, campaignStatuses, campaignTypes } from "@/lib/value-sets";
import { expectedUpdatedAtSchema, idSchema, optionalTextSchema } from "./common";

export type CampaignStatus = (typeof campaignStatuses)[number];
export type CampaignType = (typeof campaignTypes)[number];

export { campaignTypeLabels } from "@/lib/value-sets";

/** The lifecycle of a campaign: where each status may go next. */
export const campaignTransitions: Record<CampaignStatus, readonly CampaignStatus[]> = {
  Draft: ["Scheduled", "Active", "Archived"],
  Scheduled: ["Active", "Archived"],
  Active: ["Paused", "Completed", "Archived"],
  Paused: ["Active", "Completed", "Archived"],
  Completed: ["Archived"],
  Archived: [],
};

export function allowedCampaignMoves(from: string): readonly CampaignStatus[] {
  return campaignTransitions[from as CampaignStatus] ?? [];
}

export const campaignInput = z.object({
  name: z.string().trim().min(1, "Name is required").max(150, "At most 150 characters"),
  description: optionalTextSchema(2000),
  type: z.enum(campaignTypes, { message: "Choose a campaign type" }),
});
export type CampaignInput = z.output<typeof campaignInput>;
export type CampaignFormValues = z.input<typeof campaignInput>;

export const campaignUpdateInput = campaignInput.extend({ id: idSchema, expectedUpdatedAt: expectedUpdatedAtSchema });

export const campaignSetStatusInput = z.object({ id: idSchema, status: z.enum(campaignStatuses, { message: "Unknown status" }) });

export { campaignSorts } from "@/lib/value-sets";

export const campaignListInput = z.object({
  status: z.enum(campaignStatuses).optional(),
  search: z.string().trim().max(150).optional(),
  sort: z.enum(campaignSorts).default("updated"),
  direction: z.enum(["asc", "desc"]).default("desc"),
});
export type CampaignListInput = z.input<typeof campaignListInput>;

export const campaignIdInput = z.object({ id: idSchema });
