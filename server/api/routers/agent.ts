import { TRPCError } from "@trpc/server";
import { agentInput, agentSetActiveInput, agentUpdateInput } from "@/lib/validation/agent";
import { changedFields, recordAudit } from "../../services/audit";
import { createTRPCRouter, orgAdminProcedure, orgProcedure } from "../trpc";

const agentSelect = { id: true, name: true, description: true, voice: true, language: true, isActive: true, createdAt: true, updatedAt: true } as const;

function notFound(): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: "This agent does not exist." });
}

export const agentRouter = createTRPCRouter({
  /** Every role: calls are filtered by agent. */
  list: orgProcedure.query(async ({ ctx }) => {
    const agents = await ctx.db.agent.findMany({ select: { ...agentSelect, _count: { select: { calls: true } } }, orderBy: [{ isActive: "desc" }, { name: "asc" }] });
    return agents.map(({ _count, ...agent }) => ({ ...agent, callCount: _count.calls }));
  }),

  create: orgAdminProcedure.input(agentInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const agent = await tx.agent.create({ data: { ...input, organizationId: ctx.orgId }, select: agentSelect });
      await recordAudit(tx, { ...ctx.actor, entity: "agent", entityId: agent.id, action: "create", newValue: input });
      return agent;
    }),
  ),

  update: orgAdminProcedure.input(agentUpdateInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const { id, ...fields } = input;
      const before = await tx.agent.findFirst({ where: { id }, select: agentSelect });
      if (!before) throw notFound();
      const agent = await tx.agent.update({ where: { id }, data: fields, select: agentSelect });
      const { oldValue, newValue } = changedFields(before, fields);
      if (Object.keys(newValue).length) await recordAudit(tx, { ...ctx.actor, entity: "agent", entityId: id, action: "update", oldValue, newValue });
      return agent;
    }),
  ),

  setActive: orgAdminProcedure.input(agentSetActiveInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.agent.findFirst({ where: { id: input.id }, select: agentSelect });
      if (!before) throw notFound();
      if (before.isActive === input.isActive) return before;
      const agent = await tx.agent.update({ where: { id: input.id }, data: { isActive: input.isActive }, select: agentSelect });
      await recordAudit(tx, { ...ctx.actor, entity: "agent", entityId: input.id, action: "update", oldValue: { isActive: before.isActive }, newValue: { isActive: input.isActive } });
      return agent;
    }),
  ),
});
