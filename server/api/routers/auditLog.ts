import { auditLogCursorOf, auditLogListInput } from "@/lib/validation/audit-log";
import { defaultTimezone } from "@/lib/value-sets";
import { afterCursor, auditLogOrder, auditLogWhere } from "../../services/audit-log-query";
import { createTRPCRouter, orgAdminProcedure } from "../trpc";

export const auditLogRouter = createTRPCRouter({
  /** One page of the organization's audit rows, newest first; `nextCursor` is null on the last page. */
  list: orgAdminProcedure.input(auditLogListInput).query(async ({ ctx, input }) => {
    const timezone = await ctx.db.setting.findFirst({ where: { key: "timezone" }, select: { value: true } });
    const where = afterCursor(auditLogWhere(ctx.orgId, input, timezone?.value || defaultTimezone), input.cursor);
    const rows = await ctx.db.auditLog.findMany({
      where,
      orderBy: auditLogOrder,
      take: input.limit + 1,
      include: { user: { select: { id: true, name: true, email: true } }, apiKey: { select: { name: true, prefix: true } } },
    });
    const page = rows.slice(0, input.limit);
    const last = page.at(-1);
    return { items: page, nextCursor: rows.length > input.limit && last ? auditLogCursorOf(last) : null };
  }),

  /** The people the user filter offers: this organization's users. */
  users: orgAdminProcedure.query(({ ctx }) => ctx.db.user.findMany({ select: { id: true, name: true, email: true }, orderBy: { name: "asc" } })),
});
