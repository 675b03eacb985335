import { defaultTimezone } from "@/lib/value-sets";
import { organizationProfileInput } from "@/lib/validation/organization";
import { changedFields, recordAudit } from "../../services/audit";
import { createTRPCRouter, orgAdminProcedure, orgProcedure } from "../trpc";

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

export const organizationRouter = createTRPCRouter({
  /** The caller's organization (or the one a super admin entered), for every role. */
  current: orgProcedure.query(async ({ ctx }) => {
    const [organization, timezone] = await Promise.all([
      ctx.db.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: organizationSelect }),
      ctx.db.setting.findFirst({ where: { key: "timezone" }, select: { value: true } }),
    ]);
    return { ...organization, timezone: timezone?.value || defaultTimezone };
  }),

  /** The profile fields Admins edit; limits, plan and balance are the platform's to set. */
  updateCurrent: orgAdminProcedure.input(organizationProfileInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.organization.findUniqueOrThrow({ where: { id: ctx.orgId }, select: organizationSelect });
      const updated = await tx.organization.update({ where: { id: ctx.orgId }, data: input, select: organizationSelect });
      const { oldValue, newValue } = changedFields(before, input);
      await recordAudit(tx, { ...ctx.actor, entity: "organization", entityId: ctx.orgId, action: "update", oldValue, newValue });
      return updated;
    }),
  ),
});
