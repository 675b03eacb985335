import { TRPCError } from "@trpc/server";
import {
  allowedCampaignMoves,
  campaignIdInput,
  campaignInput,
  campaignListInput,
  campaignSetStatusInput,
  campaignUpdateInput,
} from "@/lib/validation/campaign";
import { parseStoredSchedule } from "@/lib/validation/schedule";
import { changedFields, recordAudit } from "../../services/audit";
import { campaignPreview } from "../../services/campaign-preview";
import { campaignStatsSql, toCampaignRow } from "../../services/campaign-stats";
import type { CampaignStatsRawRow } from "../../services/campaign-stats";
import { isPastCreditLimit } from "../../services/eligibility";
import { writeIfUnchanged } from "../../services/optimistic-update";
import { createTRPCRouter, orgProcedure } from "../trpc";

const campaignSelect = { id: true, name: true, description: true, type: true, status: true, createdAt: true, updatedAt: true } as const;
const notFound = () => new TRPCError({ code: "NOT_FOUND", message: "Campaign not found." });

function describeMoves(from: string): string {
  const moves = allowedCampaignMoves(from);
  return moves.length ? `From ${from} a campaign can move to ${moves.join(", ")}.` : `An ${from} campaign cannot change status.`;
}

export const campaignRouter = createTRPCRouter({
  list: orgProcedure.input(campaignListInput).query(async ({ ctx, input }) => {
    const rows = await ctx.db.$queryRaw<CampaignStatsRawRow[]>(campaignStatsSql({ organizationId: ctx.orgId, ...input }));
    return rows.map(toCampaignRow);
  }),

  byId: orgProcedure.input(campaignIdInput).query(async ({ ctx, input }) => {
    const [rows, schedule] = await Promise.all([
      ctx.db.$queryRaw<CampaignStatsRawRow[]>(campaignStatsSql({ organizationId: ctx.orgId, id: input.id })),
      ctx.db.scheduleConfig.findFirst({ where: { campaignId: input.id }, select: { configJson: true, updatedAt: true } }),
    ]);
    const row = rows[0];
    if (!row) throw notFound();
    return { ...toCampaignRow(row), schedule: schedule ? parseStoredSchedule(schedule.configJson) : null, allowedMoves: allowedCampaignMoves(row.status) };
  }),

  create: orgProcedure.input(campaignInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const campaign = await tx.campaign.create({
        data: { ...input, organizationId: ctx.orgId, status: "Draft", createdBy: ctx.actor.userId, modifiedBy: ctx.actor.userId },
        select: campaignSelect,
      });
      await recordAudit(tx, { ...ctx.actor, entity: "campaign", entityId: campaign.id, action: "create", newValue: campaign });
      return campaign;
    }),
  ),

  update: orgProcedure.input(campaignUpdateInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const { id, expectedUpdatedAt, ...fields } = input;
      const before = await tx.campaign.findFirst({ where: { id }, select: campaignSelect });
      if (!before) throw notFound();
      await writeIfUnchanged({
        entity: "campaign",
        current: before.updatedAt,
        expectedUpdatedAt,
        write: (version, stamp) => tx.campaign.updateMany({ where: { id, ...version }, data: { ...fields, modifiedBy: ctx.actor.userId, ...stamp } }),
        countRows: () => tx.campaign.count({ where: { id } }),
      });
      await recordAudit(tx, { ...ctx.actor, entity: "campaign", entityId: id, action: "update", ...changedFields(before, fields) });
      return tx.campaign.findFirstOrThrow({ where: { id }, select: campaignSelect });
    }),
  ),

  /** Moves along the lifecycle; activation needs a schedule and an organization within its credit limit. */
  setStatus: orgProcedure.input(campaignSetStatusInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.campaign.findFirst({ where: { id: input.id }, select: campaignSelect });
      if (!before) throw notFound();
      if (!allowedCampaignMoves(before.status).includes(input.status)) {
        throw new TRPCError({ code: "BAD_REQUEST", message: `A campaign cannot move from ${before.status} to ${input.status}. ${describeMoves(before.status)}` });
      }
      if (input.status === "Active" || input.status === "Scheduled") {
        const schedule = await tx.scheduleConfig.findFirst({ where: { campaignId: input.id }, select: { configJson: true } });
        if (!schedule || !parseStoredSchedule(schedule.configJson)) {
          throw new TRPCError({ code: "BAD_REQUEST", message: `Set up the campaign's calling schedule before it becomes ${input.status}.` });
        }
      }
      if (input.status === "Active" && (await isPastCreditLimit(tx, ctx.orgId))) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "The organization is past its credit limit: add credit before activating a campaign." });
      }
      const campaign = await tx.campaign.update({ where: { id: input.id }, data: { status: input.status, modifiedBy: ctx.actor.userId }, select: campaignSelect });
      await recordAudit(tx, { ...ctx.actor, entity: "campaign", entityId: input.id, action: "update", oldValue: { status: before.status }, newValue: { status: input.status } });
      return campaign;
    }),
  ),

  /** Pre-launch estimate: eligible records, expected calls with retries, calling days and credit cost. Null without a schedule. */
  preview: orgProcedure.input(campaignIdInput).query(async ({ ctx, input }) => {
    const campaign = await ctx.db.campaign.findFirst({ where: { id: input.id }, select: { id: true } });
    if (!campaign) throw notFound();
    const [schedule, organization] = await Promise.all([
      ctx.db.scheduleConfig.findFirst({ where: { campaignId: input.id }, select: { configJson: true } }),
      ctx.db.organization.findUniqueOrThrow({
        where: { id: ctx.orgId },
        select: { creditBalance: true, plan: { select: { creditLimit: true, ratePerMinute: true } } },
      }),
    ]);
    const config = schedule ? parseStoredSchedule(schedule.configJson) : null;
    if (!config) return null;
    return campaignPreview(ctx.db, { organizationId: ctx.orgId, campaignId: input.id, schedule: config, organization });
  }),
});
