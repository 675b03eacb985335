import { TRPCError } from "@trpc/server";
import { ZodRealError } from "zod";
import { parseStoredSchedule, scheduleGetInput, scheduleUpsertInput } from "@/lib/validation/schedule";
import type { ScheduleConfig } from "@/lib/validation/schedule";
import { defaultTimezone } from "@/lib/value-sets";
import { recordAudit } from "../../services/audit";
import { createTRPCRouter, orgProcedure } from "../trpc";

function fieldError(field: string, message: string): TRPCError {
  return new TRPCError({ code: "BAD_REQUEST", message, cause: new ZodRealError([{ code: "custom", path: [field], message, input: undefined }]) });
}

export const scheduleConfigRouter = createTRPCRouter({
  /** The campaign's schedule (null when none yet) with the limits the form shows. */
  get: orgProcedure.input(scheduleGetInput).query(async ({ ctx, input }) => {
    const campaign = await ctx.db.campaign.findFirst({ where: { id: input.campaignId }, select: { id: true } });
    if (!campaign) throw new TRPCError({ code: "NOT_FOUND", message: "Campaign not found." });
    const [schedule, organization, timezone] = await Promise.all([
      ctx.db.scheduleConfig.findFirst({ where: { campaignId: input.campaignId }, select: { configJson: true, updatedAt: true } }),
      ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { callConcurrencyLimit: true } }),
      ctx.db.setting.findFirst({ where: { key: "timezone" }, select: { value: true } }),
    ]);
    return {
      config: schedule ? parseStoredSchedule(schedule.configJson) : null,
      updatedAt: schedule?.updatedAt ?? null,
      concurrencyLimit: organization.callConcurrencyLimit,
      organizationTimezone: timezone?.value || defaultTimezone,
    };
  }),

  upsert: orgProcedure.input(scheduleUpsertInput).mutation(async ({ ctx, input }) => {
    const { campaignId, ...config } = input;
    const [campaign, organization] = await Promise.all([
      ctx.db.campaign.findFirst({ where: { id: campaignId }, select: { id: true, status: true } }),
      ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { callConcurrencyLimit: true } }),
    ]);
    if (!campaign) throw new TRPCError({ code: "NOT_FOUND", message: "Campaign not found." });
    if (config.concurrency > organization.callConcurrencyLimit) {
      throw fieldError("concurrency", `At most ${organization.callConcurrencyLimit}: the organization's limit of concurrent calls`);
    }
    const configJson: ScheduleConfig = { ...config, version: 1 };
    return ctx.db.$transaction(async (tx) => {
      const before = await tx.scheduleConfig.findFirst({ where: { campaignId }, select: { id: true, configJson: true } });
      const saved = before
        ? await tx.scheduleConfig.update({ where: { id: before.id }, data: { configJson }, select: { id: true, configJson: true, updatedAt: true } })
        : await tx.scheduleConfig.create({ data: { campaignId, organizationId: ctx.orgId, configJson }, select: { id: true, configJson: true, updatedAt: true } });
      await tx.campaign.update({ where: { id: campaignId }, data: { modifiedBy: ctx.actor.userId } });
      await recordAudit(tx, {
        ...ctx.actor,
        entity: "schedule_config",
        entityId: saved.id,
        action: before ? "update" : "create",
        oldValue: before?.configJson,
        newValue: configJson,
      });
      return { config: parseStoredSchedule(saved.configJson), updatedAt: saved.updatedAt };
    });
  }),
});
