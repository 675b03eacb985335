import { TRPCError } from "@trpc/server";
import { formatPhone } from "@/lib/format-phone";
import { settingDeleteInput } from "@/lib/validation/setting";
import { settingUpsertInput } from "@/lib/validation/setting-input";
import { recordAudit } from "../../services/audit";
import { writeIfUnchanged } from "../../services/optimistic-update";
import { createTRPCRouter, orgAdminProcedure } from "../trpc";

const settingSelect = { id: true, key: true, value: true, updatedAt: true } as const;

export const settingRouter = createTRPCRouter({
  /** Every setting; `valueDisplay` is the value as people read it (the caller ID formatted, "+1 614 555 0100"). */
  list: orgAdminProcedure.query(async ({ ctx }) => {
    const settings = await ctx.db.setting.findMany({ select: settingSelect, orderBy: { key: "asc" } });
    return settings.map((setting) => ({ ...setting, valueDisplay: setting.key === "caller_id" ? formatPhone(setting.value) : setting.value }));
  }),

  /** Creates or replaces one key; the value arrives checked by its key's schema, as the string that is stored. */
  upsert: orgAdminProcedure.input(settingUpsertInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.setting.findFirst({ where: { key: input.key }, select: settingSelect });
      if (before?.value === input.value) return before;
      if (!before && input.expectedUpdatedAt) {
        throw new TRPCError({ code: "CONFLICT", message: `Someone else removed the setting "${input.key}" since you opened it. Reload to see the current settings.` });
      }
      if (before) {
        await writeIfUnchanged({
          entity: "setting",
          current: before.updatedAt,
          expectedUpdatedAt: input.expectedUpdatedAt,
          write: (version, stamp) => tx.setting.updateMany({ where: { id: before.id, ...version }, data: { value: input.value, ...stamp } }),
          countRows: () => tx.setting.count({ where: { id: before.id } }),
        });
      }
      const saved = before
        ? await tx.setting.findFirstOrThrow({ where: { id: before.id }, select: settingSelect })
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
