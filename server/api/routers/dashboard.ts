import { TRPCError } from "@trpc/server";
import { dashboardInput } from "@/lib/validation/dashboard";
import { compareOrganizationInput, platformSummaryInput } from "@/lib/platform-metrics";
import { defaultTimezone } from "@/lib/value-sets";
import type { Database } from "../../db";
import type { ScopedDatabase } from "../../db/scoped";
import { averageDailyDebit, bookingsByCampaign, callsByDay, callsByDayAgainstOthers, callsWaitingForReview, computeMetrics, computePlatformMetrics } from "../../services/metrics";
import type { MetricScope } from "../../services/metrics";
import { daysBetween, localDate, previousPeriod, resolvePeriod } from "../../services/periods";
import { compareWithOthers, sortOrganizations } from "../../services/platform-metrics";
import { createTRPCRouter, orgProcedure, superAdminProcedure } from "../trpc";
import { formatPhone } from "@/lib/format-phone";

type DashboardRequest = { period: "today" | "7d" | "30d" | "90d" | "custom"; from?: string; to?: string; campaignId?: bigint };

async function metricScope(db: ScopedDatabase, organizationId: string, timeZone: string, input: DashboardRequest): Promise<MetricScope> {
  if (input.campaignId !== undefined) {
    const campaign = await db.campaign.findUnique({ where: { id: input.campaignId }, select: { id: true } });
    if (!campaign) throw new TRPCError({ code: "NOT_FOUND", message: "Campaign not found." });
  }
  return { organizationId, timeZone, range: resolvePeriod(input, timeZone), campaignId: input.campaignId };
}

type PeriodRequest = { period: DashboardRequest["period"]; from?: string; to?: string };

// The platform view names calendar days once (resolved in the platform organization's own time zone,
// so "today" is the super admin's today) and counts each service center's days in ITS time zone: an
// organization's row then equals what it sees on its own dashboard for the same dates, and "yesterday"
// means every store's local yesterday. UTC bounds would cut a New York store's evening into the next day.
async function platformPeriod(db: Database, platformOrganizationId: string, input: PeriodRequest) {
  const setting = await db.setting.findUnique({ where: { organizationId_key: { organizationId: platformOrganizationId, key: "timezone" } }, select: { value: true } });
  const range = resolvePeriod(input, setting?.value || defaultTimezone);
  return { range, days: daysBetween(range) };
}

export const dashboardRouter = createTRPCRouter({
  /** The figures of the dashboard for a period (and optionally one campaign), with the previous period for trends. */
  summary: orgProcedure.input(dashboardInput).query(async ({ ctx, input }) => {
    const scope = await metricScope(ctx.db, ctx.orgId, ctx.user.timeZone, input);
    const days = daysBetween(scope.range);
    const [metrics, previous, byCampaign, organization, dailyDebit, inquiries, reviewQueue, waitingForReview, campaigns] = await Promise.all([
      computeMetrics(ctx.db, scope, days),
      computeMetrics(ctx.db, { ...scope, range: previousPeriod(scope.range) }, days),
      bookingsByCampaign(ctx.db, scope),
      ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: { creditBalance: true, plan: { select: { creditLimit: true } } } }),
      averageDailyDebit(ctx.db, ctx.orgId, localDate(new Date(), scope.timeZone)),
      ctx.db.inquiry.findMany({ orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 5, select: { id: true, customerName: true, message: true, status: true, createdAt: true } }),
      ctx.db.call.findMany({
        where: { reviewedAt: null, status: "completed" },
        orderBy: [{ startTime: "asc" }, { id: "asc" }],
        take: 5,
        select: { id: true, startTime: true, customerNumber: true, durationSec: true, outcome: true, serviceRecord: { select: { customerName: true } } },
      }),
      callsWaitingForReview(ctx.db, ctx.orgId),
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
      reviewQueue: { waiting: waitingForReview, oldest: reviewQueue.map((call) => ({ ...call, customerNumberDisplay: formatPhone(call.customerNumber) })) },
      campaigns,
    };
  }),

  /** Calls per local day of the period, stacked by status. */
  timeseries: orgProcedure.input(dashboardInput).query(async ({ ctx, input }) => {
    const scope = await metricScope(ctx.db, ctx.orgId, ctx.user.timeZone, input);
    return { range: scope.range, days: await callsByDay(ctx.db, scope) };
  }),

  /** Every service center's figures for a period (each in its own time zone), sorted, with platform totals (ratios of sums). */
  platformSummary: superAdminProcedure.input(platformSummaryInput).query(async ({ ctx, input }) => {
    const { range, days } = await platformPeriod(ctx.db, ctx.user.organizationId, input);
    const platform = await computePlatformMetrics(ctx.db, range, days);
    return { range, total: platform.total, organizations: sortOrganizations(platform.organizations, input.sort, input.direction) };
  }),

  /** One organization's figures next to the median and average of the others, its rank per figure, and its calls by day. */
  compareOrganization: superAdminProcedure.input(compareOrganizationInput).query(async ({ ctx, input }) => {
    const { range, days } = await platformPeriod(ctx.db, ctx.user.organizationId, input);
    const [platform, daily] = await Promise.all([computePlatformMetrics(ctx.db, range, days), callsByDayAgainstOthers(ctx.db, range, input.organizationId)]);
    const organization = platform.organizations.find((row) => row.organizationId === input.organizationId);
    if (!organization) throw new TRPCError({ code: "NOT_FOUND", message: "This organization does not exist or is not a service center." });
    const others = platform.organizations.length - 1;
    return {
      range,
      organization: { id: organization.organizationId, name: organization.name, isActive: organization.isActive, timeZone: organization.timeZone },
      others,
      figures: compareWithOthers(platform.organizations, input.organizationId),
      callsByDay: daily.map((day) => ({ day: day.day, own: day.own, othersAverage: others === 0 ? null : day.others / others })),
    };
  }),
});
