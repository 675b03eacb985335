import { TRPCError } from "@trpc/server";
import { planIdInput, planInput, planUpdateInput } from "@/lib/validation/plan";
import { changedFields, recordAudit } from "../../services/audit";
import { writeIfUnchanged } from "../../services/optimistic-update";
import { createTRPCRouter, superAdminProcedure } from "../trpc";

const planSelect = {
  id: true,
  name: true,
  price: true,
  description: true,
  creditLimit: true,
  ratePerMinute: true,
  createdAt: true,
  updatedAt: true,
  _count: { select: { organizations: true } },
} as const;

export const planRouter = createTRPCRouter({
  list: superAdminProcedure.query(({ ctx }) => ctx.db.plan.findMany({ select: planSelect, orderBy: [{ price: "asc" }, { name: "asc" }] })),

  create: superAdminProcedure.input(planInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const plan = await tx.plan.create({ data: input, select: planSelect });
      await recordAudit(tx, { organizationId: ctx.user.organizationId, userId: ctx.user.id, entity: "plan", entityId: String(plan.id), action: "create", newValue: input });
      return plan;
    }),
  ),

  update: superAdminProcedure.input(planUpdateInput).mutation(({ ctx, input: { id, expectedUpdatedAt, ...data } }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.plan.findUnique({ where: { id }, select: planSelect });
      if (!before) throw new TRPCError({ code: "NOT_FOUND", message: "This plan does not exist." });
      await writeIfUnchanged({
        entity: "plan",
        current: before.updatedAt,
        expectedUpdatedAt,
        write: (version, stamp) => tx.plan.updateMany({ where: { id, ...version }, data: { ...data, ...stamp } }),
        countRows: () => tx.plan.count({ where: { id } }),
      });
      const plan = await tx.plan.findUniqueOrThrow({ where: { id }, select: planSelect });
      const { oldValue, newValue } = changedFields(
        { ...before, price: before.price.toFixed(2), creditLimit: before.creditLimit.toFixed(2), ratePerMinute: before.ratePerMinute.toFixed(4) },
        { ...data, price: plan.price.toFixed(2), creditLimit: plan.creditLimit.toFixed(2), ratePerMinute: plan.ratePerMinute.toFixed(4) },
      );
      await recordAudit(tx, { organizationId: ctx.user.organizationId, userId: ctx.user.id, entity: "plan", entityId: String(id), action: "update", oldValue, newValue });
      return plan;
    }),
  ),

  delete: superAdminProcedure.input(planIdInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const plan = await tx.plan.findUnique({ where: { id: input.id }, select: { ...planSelect, _count: { select: { organizations: true, payments: true } } } });
      if (!plan) throw new TRPCError({ code: "NOT_FOUND", message: "This plan does not exist." });
      if (plan._count.organizations > 0) {
        throw new TRPCError({ code: "CONFLICT", message: `${plan.name} is used by ${plan._count.organizations} organization(s). Move them to another plan first.` });
      }
      if (plan._count.payments > 0) {
        throw new TRPCError({ code: "CONFLICT", message: `${plan.name} appears in ${plan._count.payments} recorded payment(s), so it is kept for the payment history.` });
      }
      await tx.plan.delete({ where: { id: input.id } });
      await recordAudit(tx, { organizationId: ctx.user.organizationId, userId: ctx.user.id, entity: "plan", entityId: String(input.id), action: "delete", oldValue: plan });
      return { id: input.id };
    }),
  ),
});
