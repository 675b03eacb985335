import { TRPCError } from "@trpc/server";
import { tagCreateInput, tagDeleteInput, tagNameKey, tagRenameInput } from "@/lib/validation/tag";
import { recordAudit } from "../../services/audit";
import { writeIfUnchanged } from "../../services/optimistic-update";
import type { ScopedDatabase } from "../../db/scoped";
import { createTRPCRouter, orgProcedure } from "../trpc";

type Transaction = Parameters<Parameters<ScopedDatabase["$transaction"]>[0]>[0];

const tagSelect = { id: true, name: true, createdAt: true, updatedAt: true, creator: { select: { name: true } } } as const;

// The unique index (organization_id, name_key) backs this; checking first names the field the form shows.
async function assertNameFree(tx: Transaction, name: string, exceptId?: bigint): Promise<void> {
  const taken = await tx.tag.findFirst({ where: { nameKey: tagNameKey(name), ...(exceptId ? { id: { not: exceptId } } : {}) }, select: { name: true } });
  if (taken) throw new TRPCError({ code: "CONFLICT", message: `A tag named "${taken.name}" already exists.`, cause: { fields: ["name"] } as unknown as Error });
}

async function existingTag(tx: Transaction, id: bigint) {
  const tag = await tx.tag.findFirst({ where: { id }, select: { id: true, name: true, updatedAt: true } });
  if (!tag) throw new TRPCError({ code: "NOT_FOUND", message: "This tag does not exist." });
  return tag;
}

export const tagRouter = createTRPCRouter({
  /** Every tag with the number of calls that carry it (counted in the same query). */
  list: orgProcedure.query(async ({ ctx }) => {
    const tags = await ctx.db.tag.findMany({ select: { ...tagSelect, _count: { select: { calls: true } } }, orderBy: { nameKey: "asc" } });
    return tags.map(({ _count, ...tag }) => ({ ...tag, callCount: _count.calls }));
  }),

  create: orgProcedure.input(tagCreateInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      await assertNameFree(tx, input.name);
      const tag = await tx.tag.create({ data: { organizationId: ctx.orgId, name: input.name, nameKey: tagNameKey(input.name), createdBy: ctx.user.id }, select: tagSelect });
      await recordAudit(tx, { ...ctx.actor, entity: "tag", entityId: tag.id, action: "create", newValue: { name: tag.name } });
      return tag;
    }),
  ),

  rename: orgProcedure.input(tagRenameInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await existingTag(tx, input.id);
      await assertNameFree(tx, input.name, input.id);
      await writeIfUnchanged({
        entity: "tag",
        current: before.updatedAt,
        expectedUpdatedAt: input.expectedUpdatedAt,
        write: (version, stamp) => tx.tag.updateMany({ where: { id: input.id, ...version }, data: { name: input.name, nameKey: tagNameKey(input.name), ...stamp } }),
        countRows: () => tx.tag.count({ where: { id: input.id } }),
      });
      const tag = await tx.tag.findFirstOrThrow({ where: { id: input.id }, select: tagSelect });
      if (before.name !== tag.name) {
        await recordAudit(tx, { ...ctx.actor, entity: "tag", entityId: tag.id, action: "update", oldValue: { name: before.name }, newValue: { name: tag.name } });
      }
      return tag;
    }),
  ),

  /** Removes the tag from every call that carries it (call_tag rows cascade). */
  delete: orgProcedure.input(tagDeleteInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await existingTag(tx, input.id);
      const callCount = await tx.callTag.count({ where: { tagId: before.id } });
      await tx.tag.delete({ where: { id: before.id } });
      await recordAudit(tx, { ...ctx.actor, entity: "tag", entityId: before.id, action: "delete", oldValue: { name: before.name, callCount } });
      return { id: before.id, name: before.name };
    }),
  ),
});
