import { TRPCError } from "@trpc/server";
import { defaultTimezone } from "@/lib/value-sets";
import { organizationProfileUpdateInput } from "@/lib/validation/organization";
import {
  adjustCreditsInput,
  organizationAdminInput,
  organizationIdInput,
  organizationListInput,
  organizationSetActiveInput,
  organizationUpdateInput,
} from "@/lib/validation/organization-admin";
import { Prisma } from "../../generated/prisma/client";
import type { Database } from "../../db";
import { changedFields, recordAudit } from "../../services/audit";
import { changeCredits } from "../../services/credits";
import { callsPerDay, organizationsNearLimit, startOfMonthUtc } from "../../services/organizations";
import { writeIfUnchanged } from "../../services/optimistic-update";
import { createTRPCRouter, orgAdminProcedure, orgProcedure, superAdminProcedure } from "../trpc";
import { formatPhone } from "@/lib/format-phone";

const organizationSelect = {
  id: true,
  name: true,
  email: true,
  phoneSales: true,
  phoneSupport: true,
  phoneService: true,
  description: true,
  location: true,
  callConcurrencyLimit: true,
  serviceTypes: true,
  focusAreas: true,
  hipaaCompliant: true,
  pciCompliant: true,
  creditBalance: true,
  isActive: true,
  createdAt: true,
  updatedAt: true,
  plan: { select: { id: true, name: true, creditLimit: true, ratePerMinute: true } },
} as const;

const adminSelect = { ...organizationSelect, planId: true } as const;

type Phones = { phoneSales: string | null; phoneSupport: string | null; phoneService: string | null };

/** The organization with its phone numbers also as people read them: forms show these without the phone metadata. */
function withPhoneDisplays<T extends Phones>(organization: T) {
  return {
    ...organization,
    phoneSalesDisplay: formatPhone(organization.phoneSales),
    phoneSupportDisplay: formatPhone(organization.phoneSupport),
    phoneServiceDisplay: formatPhone(organization.phoneService),
  };
}

const thirtyDaysAgo = () => new Date(Date.now() - 30 * 86_400_000);

async function isPlatformOrganization(db: Pick<Database, "user">, organizationId: string): Promise<boolean> {
  return (await db.user.count({ where: { organizationId, role: "SuperAdmin" } })) > 0;
}

async function findOrganization(db: Pick<Database, "organization">, id: string) {
  const organization = await db.organization.findUnique({ where: { id }, select: adminSelect });
  if (!organization) throw new TRPCError({ code: "NOT_FOUND", message: "This organization does not exist." });
  return organization;
}

export const organizationRouter = createTRPCRouter({
  /** The caller's organization (or the one a super admin entered), for every role. */
  current: orgProcedure.query(async ({ ctx }) => {
    const [organization, timezone] = await Promise.all([
      ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: organizationSelect }),
      ctx.db.setting.findFirst({ where: { key: "timezone" }, select: { value: true } }),
    ]);
    return { ...withPhoneDisplays(organization), timezone: timezone?.value || defaultTimezone };
  }),

  /** The profile fields Admins edit; limits, plan and balance are the platform's to set. */
  updateCurrent: orgAdminProcedure.input(organizationProfileUpdateInput).mutation(({ ctx, input: { expectedUpdatedAt, ...data } }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: organizationSelect });
      await writeIfUnchanged({
        entity: "organization",
        current: before.updatedAt,
        expectedUpdatedAt,
        write: (version, stamp) => tx.organization.updateMany({ where: { id: ctx.orgId, ...version }, data: { ...data, ...stamp } }),
        countRows: () => tx.organization.count({ where: { id: ctx.orgId } }),
      });
      const { oldValue, newValue } = changedFields(before, data);
      await recordAudit(tx, { ...ctx.actor, entity: "organization", entityId: ctx.orgId, action: "update", oldValue, newValue });
      return withPhoneDisplays(await tx.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: organizationSelect }));
    }),
  ),

  /** All organizations with their plan, balance, users and calls of the last 30 days. */
  list: superAdminProcedure.input(organizationListInput).query(async ({ ctx, input }) => {
    const where: Prisma.OrganizationWhereInput = {
      ...(input.search ? { OR: [{ name: { contains: input.search, mode: "insensitive" } }, { email: { contains: input.search, mode: "insensitive" } }] } : {}),
      ...(input.planId ? { planId: input.planId } : {}),
      ...(input.status === "all" ? {} : { isActive: input.status === "active" }),
    };
    const [total, organizations] = await Promise.all([
      ctx.db.organization.count({ where }),
      ctx.db.organization.findMany({
        where,
        select: { ...adminSelect, _count: { select: { users: true } } },
        orderBy: [{ [input.sort]: input.direction }, { id: "asc" }],
        skip: (input.page - 1) * input.pageSize,
        take: input.pageSize,
      }),
    ]);
    const calls = await ctx.db.call.groupBy({
      by: ["organizationId"],
      where: { organizationId: { in: organizations.map((organization) => organization.id) }, startTime: { gte: thirtyDaysAgo() } },
      _count: { _all: true },
    });
    const callsByOrganization = new Map(calls.map((row) => [row.organizationId, row._count._all]));
    return {
      total,
      page: input.page,
      pageSize: input.pageSize,
      items: organizations.map(({ _count, ...organization }) => ({ ...withPhoneDisplays(organization), userCount: _count.users, callsLast30Days: callsByOrganization.get(organization.id) ?? 0 })),
    };
  }),

  /** One organization with its users, credit history, payments and activity. */
  byId: superAdminProcedure.input(organizationIdInput).query(async ({ ctx, input }) => {
    const organization = await findOrganization(ctx.db, input.id);
    const where = { organizationId: input.id };
    const [users, creditHistory, payments, callsLast30Days, campaigns, serviceRecords, platform] = await Promise.all([
      ctx.db.user.findMany({ where, select: { id: true, name: true, email: true, role: true, isActive: true, lastSignInAt: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
      ctx.db.creditTransaction.findMany({
        where,
        select: { id: true, amount: true, balanceAfter: true, kind: true, reason: true, paymentId: true, callId: true, createdAt: true, user: { select: { name: true } } },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: 50,
      }),
      ctx.db.paymentHistory.findMany({
        where,
        select: { id: true, amount: true, paymentDate: true, method: true, status: true, plan: { select: { name: true } } },
        orderBy: [{ paymentDate: "desc" }, { id: "desc" }],
        take: 20,
      }),
      ctx.db.call.count({ where: { ...where, startTime: { gte: thirtyDaysAgo() } } }),
      ctx.db.campaign.count({ where }),
      ctx.db.serviceRecord.count({ where }),
      isPlatformOrganization(ctx.db, input.id),
    ]);
    return { ...withPhoneDisplays(organization), isPlatform: platform, users, creditHistory, payments, activity: { callsLast30Days, campaigns, serviceRecords } };
  }),

  create: superAdminProcedure.input(organizationAdminInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const organization = await tx.organization.create({ data: input, select: adminSelect });
      await recordAudit(tx, { organizationId: organization.id, userId: ctx.user.id, entity: "organization", entityId: organization.id, action: "create", newValue: input });
      return withPhoneDisplays(organization);
    }),
  ),

  update: superAdminProcedure.input(organizationUpdateInput).mutation(({ ctx, input: { id, expectedUpdatedAt, ...data } }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await findOrganization(tx, id);
      await writeIfUnchanged({
        entity: "organization",
        current: before.updatedAt,
        expectedUpdatedAt,
        write: (version, stamp) => tx.organization.updateMany({ where: { id, ...version }, data: { ...data, ...stamp } }),
        countRows: () => tx.organization.count({ where: { id } }),
      });
      const { oldValue, newValue } = changedFields(before, data);
      await recordAudit(tx, { organizationId: id, userId: ctx.user.id, entity: "organization", entityId: id, action: "update", oldValue, newValue });
      return withPhoneDisplays(await tx.organization.findUniqueOrThrow({ where: { id }, select: adminSelect }));
    }),
  ),

  /** Suspend (false) or reactivate (true). Users of a suspended organization are refused at their next request. */
  setActive: superAdminProcedure.input(organizationSetActiveInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await findOrganization(tx, input.id);
      if (!input.isActive && (await isPlatformOrganization(tx, input.id))) {
        throw new TRPCError({ code: "BAD_REQUEST", message: "The platform organization cannot be suspended: its super admins run AutoPulse." });
      }
      if (before.isActive === input.isActive) return before;
      const updated = await tx.organization.update({ where: { id: input.id }, data: { isActive: input.isActive }, select: adminSelect });
      await recordAudit(tx, {
        organizationId: input.id,
        userId: ctx.user.id,
        entity: "organization",
        entityId: input.id,
        action: "update",
        oldValue: { isActive: before.isActive },
        newValue: { isActive: input.isActive },
      });
      return updated;
    }),
  ),

  /** Adds or removes credit by hand, with a reason; removals stop at the plan's credit limit. */
  adjustCredits: superAdminProcedure.input(adjustCreditsInput).mutation(async ({ ctx, input }) => {
    await findOrganization(ctx.db, input.organizationId);
    const amount = new Prisma.Decimal(input.amount).times(input.direction === "add" ? 1 : -1);
    // Changes to one organization queue on its row lock; give a busy moment longer than Prisma's 2 s to get a connection.
    return ctx.db.$transaction((tx) => changeCredits(tx, { organizationId: input.organizationId, amount, kind: "manual", reason: input.reason, userId: ctx.user.id }), {
      maxWait: 15_000,
      timeout: 15_000,
    });
  }),

  /** The platform at a glance: plans, credit, payments this month, calls per day, organizations near their limit. */
  overview: superAdminProcedure.query(async ({ ctx }) => {
    const [byPlan, plans, credit, owed, paymentsThisMonth, perDay, nearLimit, organizationCount] = await Promise.all([
      ctx.db.organization.groupBy({ by: ["planId"], _count: { _all: true } }),
      ctx.db.plan.findMany({ select: { id: true, name: true } }),
      ctx.db.organization.aggregate({ where: { creditBalance: { gt: 0 } }, _sum: { creditBalance: true } }),
      ctx.db.organization.aggregate({ where: { creditBalance: { lt: 0 } }, _sum: { creditBalance: true } }),
      ctx.db.paymentHistory.aggregate({ where: { status: "succeeded", paymentDate: { gte: startOfMonthUtc() } }, _sum: { amount: true }, _count: { _all: true } }),
      callsPerDay(ctx.db, 30),
      organizationsNearLimit(ctx.db),
      ctx.db.organization.count(),
    ]);
    const planNames = new Map(plans.map((plan) => [plan.id, plan.name]));
    return {
      organizationCount,
      organizationsByPlan: byPlan
        .map((row) => ({ planId: row.planId, planName: row.planId ? (planNames.get(row.planId) ?? "Unknown plan") : "No plan", organizations: row._count._all }))
        .sort((a, b) => b.organizations - a.organizations),
      creditHeld: credit._sum.creditBalance ?? new Prisma.Decimal(0),
      creditOwed: (owed._sum.creditBalance ?? new Prisma.Decimal(0)).abs(),
      paymentsThisMonth: { total: paymentsThisMonth._sum.amount ?? new Prisma.Decimal(0), count: paymentsThisMonth._count._all },
      callsPerDay: perDay,
      nearLimit: nearLimit.map((row) => ({ id: row.id, name: row.name, creditBalance: new Prisma.Decimal(row.credit_balance), creditLimit: new Prisma.Decimal(row.credit_limit) })),
    };
  }),
});
