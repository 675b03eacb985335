import { ownPaymentListInput, paymentCreateInput, paymentListInput, paymentUpdateStatusInput } from "@/lib/validation/payment";
import type { Prisma } from "../../generated/prisma/client";
import type { Database } from "../../db";
import { creditTransactionOptions } from "../../services/credits";
import { createPayment, paymentSelect, updatePaymentStatus } from "../../services/payments";
import { createTRPCRouter, orgAdminProcedure, superAdminProcedure } from "../trpc";

type ListFilter = { organizationId?: string; status?: string; from?: string; to?: string };

function paymentWhere(filter: ListFilter): Prisma.PaymentHistoryWhereInput {
  return {
    ...(filter.organizationId ? { organizationId: filter.organizationId } : {}),
    ...(filter.status ? { status: filter.status } : {}),
    ...(filter.from || filter.to
      ? { paymentDate: { ...(filter.from ? { gte: new Date(`${filter.from}T00:00:00Z`) } : {}), ...(filter.to ? { lt: new Date(Date.parse(`${filter.to}T00:00:00Z`) + 86_400_000) } : {}) } }
      : {}),
  };
}

type PaymentReader = Pick<Database, "paymentHistory">;

// The scoped client has the same model API (plus the organization filter); its extension type just does not say so.
const asPaymentReader = (db: unknown) => db as PaymentReader;

/** One page in a stable order (payment date, then id, newest first) with totals per status for the whole filter. */
async function listPayments(db: PaymentReader, filter: ListFilter & { cursor?: bigint; limit: number }) {
  const where = paymentWhere(filter);
  const [rows, totals] = await Promise.all([
    db.paymentHistory.findMany({
      where,
      select: paymentSelect,
      orderBy: [{ paymentDate: { sort: "desc", nulls: "last" } }, { id: "desc" }],
      take: filter.limit + 1,
      ...(filter.cursor ? { cursor: { id: filter.cursor }, skip: 1 } : {}),
    }),
    db.paymentHistory.groupBy({ by: ["status"], where, _sum: { amount: true }, _count: { _all: true } }),
  ]);
  const items = rows.slice(0, filter.limit);
  return {
    items,
    nextCursor: rows.length > filter.limit ? items[items.length - 1]!.id : null,
    totals: totals.map((row) => ({ status: row.status, amount: row._sum.amount, count: row._count._all })),
  };
}

export const paymentRouter = createTRPCRouter({
  list: superAdminProcedure.input(paymentListInput).query(({ ctx, input }) => listPayments(ctx.db, input)),

  /** The caller's own organization's payments, read-only (Settings → Billing). */
  listOwn: orgAdminProcedure.input(ownPaymentListInput).query(({ ctx, input }) => listPayments(asPaymentReader(ctx.db), { ...input, organizationId: ctx.orgId })),

  create: superAdminProcedure.input(paymentCreateInput).mutation(({ ctx, input }) => ctx.db.$transaction((tx) => createPayment(tx, input, ctx.user.id), creditTransactionOptions)),

  updateStatus: superAdminProcedure.input(paymentUpdateStatusInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => updatePaymentStatus(tx, input.id, input.status, ctx.user.id), creditTransactionOptions),
  ),
});
