import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { kpiMetricInfo } from "@/lib/kpis";
import type { KpiMetricOption } from "@/lib/kpis";
import { idSchema } from "@/lib/validation/common";
import type { kpiFilterSchema} from "@/lib/validation/kpi";
import { kpiCreateInput, kpiListInput, kpiUpdateInput, kpiValueInput } from "@/lib/validation/kpi";
import type { ScopedDatabase } from "../../db/scoped";
import { Prisma } from "../../generated/prisma/client";
import { recordAudit } from "../../services/audit";
import { writeIfUnchanged } from "../../services/optimistic-update";
import { kpiActuals, kpiStatus } from "../../services/kpis";
import { addDays, previousPeriod, resolvePeriod } from "../../services/periods";
import { createTRPCRouter, orgAdminProcedure, orgProcedure } from "../trpc";

const kpiSelect = { id: true, name: true, type: true, description: true, targetValue: true, metric: true, filter: true, unit: true, higherIsBetter: true, updatedAt: true } as const;

async function requireKpi(db: ScopedDatabase, id: bigint) {
  const kpi = await db.kpi.findUnique({ where: { id }, select: kpiSelect });
  if (!kpi) throw new TRPCError({ code: "NOT_FOUND", message: "KPI not found." });
  return kpi;
}

async function requireOwnFilter(db: ScopedDatabase, filter: z.output<typeof kpiFilterSchema>) {
  if (filter.campaignId === undefined) return;
  const campaign = await db.campaign.findUnique({ where: { id: filter.campaignId }, select: { id: true } });
  if (!campaign) throw new TRPCError({ code: "NOT_FOUND", message: "Campaign not found." });
}

function storedFilter(filter: z.output<typeof kpiFilterSchema> | undefined) {
  if (!filter || Object.keys(filter).length === 0) return undefined;
  return { ...filter, campaignId: filter.campaignId?.toString() };
}

export const kpiRouter = createTRPCRouter({
  /** Every KPI of the organization with target against actual for a period, and the previous period for the trend. */
  list: orgProcedure.input(kpiListInput).query(async ({ ctx, input }) => {
    const timeZone = ctx.user.timeZone;
    const range = resolvePeriod(input, timeZone);
    const [kpis, campaigns] = await Promise.all([
      ctx.db.kpi.findMany({ orderBy: [{ type: "asc" }, { id: "asc" }], select: kpiSelect }),
      ctx.db.campaign.findMany({ where: { status: { not: "Archived" } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    ]);
    const base = { organizationId: ctx.orgId, timeZone, campaignId: input.campaignId };
    const [actual, previous] = await Promise.all([kpiActuals(ctx.db, base, range, kpis), kpiActuals(ctx.db, base, previousPeriod(range), kpis)]);
    return {
      range,
      timeZone,
      campaigns,
      kpis: kpis.map((kpi) => ({
        ...kpi,
        formula: kpiMetricInfo[kpi.metric as KpiMetricOption]?.formula ?? "",
        actual: actual.get(kpi.id) ?? null,
        previous: previous.get(kpi.id) ?? null,
        status: kpiStatus(actual.get(kpi.id) ?? null, kpi),
      })),
    };
  }),

  /** One KPI with its actual value for each of the last 12 weeks (and the manual values entered). */
  history: orgProcedure.input(z.object({ id: idSchema })).query(async ({ ctx, input }) => {
    const kpi = await requireKpi(ctx.db, input.id);
    const timeZone = ctx.user.timeZone;
    const lastWeek = resolvePeriod({ period: "7d" }, timeZone);
    const weeks = Array.from({ length: 12 }, (_, index) => ({ from: addDays(lastWeek.from, -7 * (11 - index)), to: addDays(lastWeek.to, -7 * (11 - index)) }));
    const base = { organizationId: ctx.orgId, timeZone };
    const actuals = await Promise.all(weeks.map((week) => kpiActuals(ctx.db, base, week, [kpi])));
    const values = await ctx.db.kpiValue.findMany({ where: { kpiId: kpi.id }, orderBy: [{ periodStart: "desc" }], take: 50, select: { id: true, periodStart: true, periodEnd: true, value: true } });
    return {
      kpi: { ...kpi, formula: kpiMetricInfo[kpi.metric as KpiMetricOption]?.formula ?? "" },
      weeks: weeks.map((week, index) => ({ ...week, actual: actuals[index]!.get(kpi.id) ?? null })),
      values,
    };
  }),

  create: orgAdminProcedure.input(kpiCreateInput).mutation(async ({ ctx, input }) => {
    await requireOwnFilter(ctx.db, input.filter);
    return ctx.db.$transaction(async (tx) => {
      const kpi = await tx.kpi.create({
        data: {
          organizationId: ctx.orgId,
          name: input.name,
          type: "Custom",
          metric: input.metric,
          description: input.description || null,
          unit: input.unit || null,
          targetValue: input.targetValue,
          higherIsBetter: input.higherIsBetter,
          filter: storedFilter(input.filter),
        },
        select: kpiSelect,
      });
      await recordAudit(tx, { ...ctx.actor, entity: "kpi", entityId: kpi.id, action: "create", newValue: kpi });
      return kpi;
    });
  }),

  /** Core KPIs change only their target (and description); custom ones change everything. */
  update: orgAdminProcedure.input(kpiUpdateInput).mutation(async ({ ctx, input }) => {
    const { id, expectedUpdatedAt, ...changes } = input;
    const before = await requireKpi(ctx.db, id);
    if (before.type === "Core" && Object.keys(changes).some((key) => !["targetValue", "description"].includes(key))) {
      throw new TRPCError({ code: "BAD_REQUEST", message: "A core KPI's definition is fixed: only its target and description can change." });
    }
    if (changes.filter) await requireOwnFilter(ctx.db, changes.filter);
    const data: Prisma.KpiUpdateManyMutationInput = {
      name: changes.name,
      metric: changes.metric,
      targetValue: changes.targetValue,
      higherIsBetter: changes.higherIsBetter,
      ...(changes.description !== undefined ? { description: changes.description || null } : {}),
      ...(changes.unit !== undefined ? { unit: changes.unit || null } : {}),
      ...(changes.filter !== undefined ? { filter: storedFilter(changes.filter) ?? Prisma.DbNull } : {}),
    };
    return ctx.db.$transaction(async (tx) => {
      await writeIfUnchanged({
        entity: "KPI",
        current: before.updatedAt,
        expectedUpdatedAt,
        write: (version, stamp) => tx.kpi.updateMany({ where: { id, ...version }, data: { ...data, ...stamp } }),
        countRows: () => tx.kpi.count({ where: { id } }),
      });
      const kpi = await tx.kpi.findUniqueOrThrow({ where: { id }, select: kpiSelect });
      await recordAudit(tx, { ...ctx.actor, entity: "kpi", entityId: id, action: "update", oldValue: before, newValue: kpi });
      return kpi;
    });
  }),

  delete: orgAdminProcedure.input(z.object({ id: idSchema })).mutation(async ({ ctx, input }) => {
    const kpi = await requireKpi(ctx.db, input.id);
    if (kpi.type === "Core") throw new TRPCError({ code: "BAD_REQUEST", message: "Core KPIs cannot be deleted; change their target instead." });
    await ctx.db.$transaction(async (tx) => {
      await tx.kpi.delete({ where: { id: kpi.id } });
      await recordAudit(tx, { ...ctx.actor, entity: "kpi", entityId: kpi.id, action: "delete", oldValue: kpi });
    });
    return { id: kpi.id };
  }),

  /** The value of a manual KPI for a period of days (replaces the one entered for the same period). */
  setValue: orgAdminProcedure.input(kpiValueInput).mutation(async ({ ctx, input }) => {
    const kpi = await requireKpi(ctx.db, input.kpiId);
    if (kpi.metric !== "manual") throw new TRPCError({ code: "BAD_REQUEST", message: "This KPI is measured from the calls; only manual KPIs take values entered by hand." });
    const periodStart = new Date(`${input.periodStart}T00:00:00Z`);
    const periodEnd = new Date(`${input.periodEnd}T00:00:00Z`);
    return ctx.db.$transaction(async (tx) => {
      const before = await tx.kpiValue.findUnique({ where: { kpiId_periodStart_periodEnd: { kpiId: kpi.id, periodStart, periodEnd } }, select: { value: true } });
      const saved = await tx.kpiValue.upsert({
        where: { kpiId_periodStart_periodEnd: { kpiId: kpi.id, periodStart, periodEnd } },
        create: { organizationId: ctx.orgId, kpiId: kpi.id, periodStart, periodEnd, value: input.value, createdBy: ctx.user.id },
        update: { value: input.value },
        select: { id: true, periodStart: true, periodEnd: true, value: true },
      });
      await recordAudit(tx, { ...ctx.actor, entity: "kpi_value", entityId: saved.id, action: before ? "update" : "create", oldValue: before ?? undefined, newValue: input });
      return saved;
    });
  }),
});
