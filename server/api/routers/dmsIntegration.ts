import { TRPCError } from "@trpc/server";
import {
  dmsIntegrationCreateInput,
  dmsIntegrationDeleteInput,
  dmsIntegrationSetActiveInput,
  dmsIntegrationUpdateInput,
} from "@/lib/validation/dms-integration";
import { recordAudit } from "../../services/audit";
import { writeIfUnchanged } from "../../services/optimistic-update";
import { configToStore, maskedConfig } from "../../services/dms-integrations";
import { createTRPCRouter, orgAdminProcedure } from "../trpc";

const integrationSelect = { id: true, name: true, type: true, config: true, isActive: true, createdAt: true, updatedAt: true } as const;

type StoredIntegration = { id: bigint; name: string; type: string; config: unknown; isActive: boolean; createdAt: Date; updatedAt: Date };

/** What leaves the server: secrets masked, never the ciphertext. */
function toPublic(row: StoredIntegration) {
  const { config, secretKeys } = maskedConfig(row.type, row.config);
  return { ...row, config, secretKeys };
}

function auditView(row: StoredIntegration) {
  const { name, type, isActive } = row;
  return { name, type, isActive, config: maskedConfig(row.type, row.config).config };
}

function notFound(): TRPCError {
  return new TRPCError({ code: "NOT_FOUND", message: "This integration does not exist." });
}

export const dmsIntegrationRouter = createTRPCRouter({
  list: orgAdminProcedure.query(async ({ ctx }) => {
    const rows = await ctx.db.dmsIntegration.findMany({ select: integrationSelect, orderBy: [{ name: "asc" }, { id: "asc" }] });
    return rows.map(toPublic);
  }),

  create: orgAdminProcedure.input(dmsIntegrationCreateInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const { config } = configToStore(input, null);
      const row = await tx.dmsIntegration.create({ data: { organizationId: ctx.orgId, name: input.name, type: input.type, config: config as object }, select: integrationSelect });
      await recordAudit(tx, { ...ctx.actor, entity: "dms_integration", entityId: row.id, action: "create", newValue: auditView(row) });
      return toPublic(row);
    }),
  ),

  /** Edits name, type and config; a secret left empty keeps the stored one. */
  update: orgAdminProcedure.input(dmsIntegrationUpdateInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.dmsIntegration.findFirst({ where: { id: input.id }, select: integrationSelect });
      if (!before) throw notFound();
      const { config, secretReplaced } = configToStore(input, before);
      await writeIfUnchanged({
        entity: "integration",
        current: before.updatedAt,
        expectedUpdatedAt: input.expectedUpdatedAt,
        write: (version, stamp) =>
          tx.dmsIntegration.updateMany({ where: { id: input.id, ...version }, data: { name: input.name, type: input.type, config: config as object, ...stamp } }),
        countRows: () => tx.dmsIntegration.count({ where: { id: input.id } }),
      });
      const row = await tx.dmsIntegration.findFirstOrThrow({ where: { id: input.id }, select: integrationSelect });
      const oldView = auditView(before);
      const newView = { ...auditView(row), ...(secretReplaced ? { secretReplaced: true } : {}) };
      if (JSON.stringify(oldView) !== JSON.stringify(newView)) {
        await recordAudit(tx, { ...ctx.actor, entity: "dms_integration", entityId: row.id, action: "update", oldValue: oldView, newValue: newView });
      }
      return toPublic(row);
    }),
  ),

  setActive: orgAdminProcedure.input(dmsIntegrationSetActiveInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.dmsIntegration.findFirst({ where: { id: input.id }, select: integrationSelect });
      if (!before) throw notFound();
      if (before.isActive === input.isActive) return toPublic(before);
      const row = await tx.dmsIntegration.update({ where: { id: input.id }, data: { isActive: input.isActive }, select: integrationSelect });
      await recordAudit(tx, { ...ctx.actor, entity: "dms_integration", entityId: row.id, action: "update", oldValue: { isActive: before.isActive }, newValue: { isActive: row.isActive } });
      return toPublic(row);
    }),
  ),

  delete: orgAdminProcedure.input(dmsIntegrationDeleteInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.dmsIntegration.findFirst({ where: { id: input.id }, select: integrationSelect });
      if (!before) throw notFound();
      await tx.dmsIntegration.delete({ where: { id: before.id } });
      await recordAudit(tx, { ...ctx.actor, entity: "dms_integration", entityId: before.id, action: "delete", oldValue: auditView(before) });
      return { id: before.id, name: before.name };
    }),
  ),
});
