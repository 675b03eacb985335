import { TRPCError } from "@trpc/server";
import { settingDeleteInput, settingUpsertInput } from "@/lib/validation/setting";
import { recordAudit } from "../../services/audit";
import { createTRPCRouter, orgAdminProcedure } from "../trpc";

const settingSelect = { id: true, key: true, value: true, updatedAt: true } as const;

export const settingRouter = createTRPCRouter({
  list: orgAdminProcedure.query(({ ctx }) => ctx.db.setting.findMany({ select: settingSelect, orderBy: { key: "asc" } })),

  /** Creates or replaces one key; the value arrives checked by its key's schema, as the string that is stored. */
  upsert: orgAdminProcedure.input(settingUpsertInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.setting.findFirst({ where: { key: input.key }, select: settingSelect });
      if (before?.value === input.value) return before;
      const saved = before
        ? await tx.setting.update({ where: { id: before.id }, data: { value: input.value }, select: settingSelect })
        : await tx.setting.create({ data: { organizationId: ctx.orgId, key: input.key, value: input.value }, select: settingSelect });
      await recordAudit(tx, {
        ...ctx.actor,
        entity: "setting",
        entityId: input.key,
        action: before ? "update" : "create",
        oldValue: before ? { key: before.key, value: before.value } : undefined,
        newValue: { key: saved.key, value: saved.value },
      });
      return saved;
    }),
  ),

  delete: orgAdminProcedure.input(settingDeleteInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.setting.findFirst({ where: { key: input.key }, select: settingSelect });
      if (!before) throw new TRPCError({ code: "NOT_FOUND", message: `There is no setting "${input.key}".` });
      await tx.setting.delete({ where: { id: before.id } });
      await recordAudit(tx, { ...ctx.actor, entity: "setting", entityId: before.key, action: "delete", oldValue: { key: before.key, value: before.value } });
      return { key: before.key };
    }),
  ),
});
