import { auditLogCursorOf, auditLogListInput } from "@/lib/validation/audit-log";
import { afterCursor, auditLogOrder, auditLogWhere } from "../../services/audit-log-query";
import { createTRPCRouter, orgAdminProcedure } from "../trpc";

export const auditLogRouter = createTRPCRouter({
  /** One page of the organization's audit rows, newest first; `nextCursor` is null on the last page. */
  list: orgAdminProcedure.input(auditLogListInput).query(async ({ ctx, input }) => {
    // The organization's time zone comes with the session user (one statement less per page).
    const where = afterCursor(auditLogWhere(ctx.orgId, input, ctx.user.timeZone), input.cursor);
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
