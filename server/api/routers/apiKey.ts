import { TRPCError } from "@trpc/server";
import { apiKeyCreateInput, apiKeyRevokeInput } from "@/lib/validation/api-key";
import { generateApiKey } from "../../services/api-keys";
import { recordAudit } from "../../services/audit";
import { createTRPCRouter, orgAdminProcedure } from "../trpc";

// Never the hash: the list shows what identifies a key, not what could be matched against it.
const apiKeySelect = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, creator: { select: { name: true, email: true } } } as const;

export const apiKeyRouter = createTRPCRouter({
  list: orgAdminProcedure.query(({ ctx }) => ctx.db.apiKey.findMany({ select: apiKeySelect, orderBy: [{ createdAt: "desc" }, { id: "desc" }] })),

  /** Returns the full key this once; only its SHA-256 is kept. */
  create: orgAdminProcedure.input(apiKeyCreateInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const { key, keyHash, prefix } = generateApiKey();
      const apiKey = await tx.apiKey.create({ data: { organizationId: ctx.orgId, name: input.name, prefix, keyHash, createdBy: ctx.user.id }, select: apiKeySelect });
      await recordAudit(tx, { ...ctx.actor, entity: "api_key", entityId: apiKey.id, action: "create", newValue: { name: apiKey.name, prefix } });
      return { apiKey, key };
    }),
  ),

  revoke: orgAdminProcedure.input(apiKeyRevokeInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction(async (tx) => {
      const before = await tx.apiKey.findFirst({ where: { id: input.id }, select: apiKeySelect });
      if (!before) throw new TRPCError({ code: "NOT_FOUND", message: "This API key does not exist." });
      if (before.revokedAt) return before;
      const apiKey = await tx.apiKey.update({ where: { id: input.id }, data: { revokedAt: new Date() }, select: apiKeySelect });
      await recordAudit(tx, { ...ctx.actor, entity: "api_key", entityId: apiKey.id, action: "update", oldValue: { name: before.name, prefix: before.prefix, revokedAt: null }, newValue: { revokedAt: apiKey.revokedAt } });
      return apiKey;
    }),
  ),
});
