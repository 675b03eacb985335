import { TRPCError } from "@trpc/server";
import { dashboardInput } from "@/lib/validation/dashboard";
import type { ScopedDatabase } from "../../db/scoped";
import { averageDailyDebit, bookingsByCampaign, callsByDay, computeMetrics } from "../../services/metrics";
import type { MetricScope } from "../../services/metrics";
import { daysBetween, previousPeriod, resolvePeriod } from "../../services/periods";
import { organizationTimezone } from "../../services/timezone";
import { createTRPCRouter, orgProcedure } from "../trpc";

type DashboardRequest = { period: "today" | "7d" | "30d" | "90d" | "custom"; from?: string; to?: string; campaignId?: bigint };

async function metricScope(db: ScopedDatabase, organizationId: string, input: DashboardRequest): Promise<MetricScope> {
  if (input.campaignId !== undefined) {
    const campaign = await db.campaign.findUnique({ where: { id: input.campaignId }, select: { id: true } });
    if (!campaign) throw new TRPCError({ code: "NOT_FOUND", message: "Campaign not found." });
  }
  const timeZone = await organizationTimezone(db);
  return { organizationId, timeZone, range: resolvePeriod(input, timeZone), campaignId: input.campaignId };
}

export const dashboardRouter = createTRPCRouter({
  /** The figures of the dashboard for a period (and optionally one campaign), with the previous period for trends. */
  summary: orgProcedure.input(dashboardInput).query(async ({ ctx, input }) => {
    const scope = await metricScope(ctx.db, ctx.orgId, input);
    const days = daysBetween(scope.range);
    const [metrics, previous, byCampaign, organization, dailyDebit, inquiries, reviewQueue, waitingForReview, campaigns] = await Promise.all([
      computeMetrics(ctx.db, scope, days),
      computeMetrics(ctx.db, { ...scope, range: previousPeriod(scope.range) }, days),
      bookingsByCampaign(ctx.db, scope),
      ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { creditBalance: true, plan: { select: { creditLimit: true } } } }),
      averageDailyDebit(ctx.db, ctx.orgId),
      ctx.db.inquiry.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 5, select: { id: true, customerName: true, message: true, status: true, createdAt: true } }),
      ctx.db.call.findMany({
        where: { reviewedAt: null, status: "completed" },
        orderBy: [{ startTime: "asc" }, { id: "asc" }],
        take: 5,
        select: { id: true, startTime: true, customerNumber: true, durationSec: true, outcome: true, serviceRecord: { select: { customerName: true } } },
      }),
      ctx.db.call.count({ where: { reviewedAt: null, status: "completed" } }),
      ctx.db.campaign.findMany({ where: { status: { not: "Archived" } }, orderBy: { name: "asc" }, select: { id: true, name: true } }),
    ]);
    const creditDaysLeft = dailyDebit.isZero() ? null : Math.max(0, Math.floor(organization.creditBalance.dividedBy(dailyDebit).toNumber()));
    return {
      range: scope.range,
      timeZone: scope.timeZone,
      metrics,
      previous,
      bookingsByCampaign: byCampaign,
      credit: { balance: organization.creditBalance, creditLimit: organization.plan?.creditLimit ?? null, averageDailyDebit: dailyDebit.toDecimalPlaces(2), daysLeft: creditDaysLeft },
      newestInquiries: inquiries,
      reviewQueue: { waiting: waitingForReview, oldest: reviewQueue },
      campaigns,
    };
  }),

  /** Calls per local day of the period, stacked by status. */
  timeseries: orgProcedure.input(dashboardInput).query(async ({ ctx, input }) => {
    const scope = await metricScope(ctx.db, ctx.orgId, input);
    return { range: scope.range, days: await callsByDay(ctx.db, scope) };
  }),
});
