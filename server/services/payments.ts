import { TRPCError } from "@trpc/server";
import type { PaymentValues } from "@/lib/validation/payment";
import { Prisma } from "../generated/prisma/client";
import type { Database } from "../db";
import { recordAudit } from "./audit";
import { changeCredits } from "./credits";

type Transaction = Parameters<Parameters<Database["$transaction"]>[0]>[0];
type PaymentStatus = PaymentValues["status"];

export const paymentSelect = {
  id: true,
  organizationId: true,
  amount: true,
  paymentDate: true,
  method: true,
  status: true,
  createdAt: true,
  plan: { select: { id: true, name: true } },
  user: { select: { id: true, name: true } },
  organization: { select: { id: true, name: true } },
} as const;

// Which status may follow which: a refund only undoes a success, and a refund is final.
const allowedTransitions: Record<PaymentStatus, readonly PaymentStatus[]> = {
  pending: ["succeeded", "failed"],
  failed: ["pending", "succeeded"],
  succeeded: ["refunded"],
  refunded: [],
};

/** Credits a succeeded payment, or takes a refunded one back; the ledger's unique (payment_id, kind) makes each happen once. */
async function applyCreditFor(tx: Transaction, payment: { id: bigint; organizationId: string; amount: Prisma.Decimal }, status: PaymentStatus, userId: bigint) {
  if (status === "succeeded") {
    await changeCredits(tx, { organizationId: payment.organizationId, amount: payment.amount, kind: "payment", paymentId: payment.id, userId, reason: `Payment #${payment.id}` });
  }
  if (status === "refunded") {
    await changeCredits(tx, { organizationId: payment.organizationId, amount: payment.amount.negated(), kind: "refund", paymentId: payment.id, userId, reason: `Refund of payment #${payment.id}` });
  }
}

export async function createPayment(tx: Transaction, input: PaymentValues, userId: bigint) {
  const organization = await tx.organization.findUnique({ where: { id: input.organizationId }, select: { id: true } });
  if (!organization) throw new TRPCError({ code: "NOT_FOUND", message: "This organization does not exist." });
  if (input.status === "refunded") throw new TRPCError({ code: "BAD_REQUEST", message: "Record the payment as succeeded first, then refund it." });
  const payment = await tx.paymentHistory.create({
    data: {
      organizationId: input.organizationId,
      planId: input.planId,
      userId,
      amount: new Prisma.Decimal(input.amount),
      paymentDate: new Date(`${input.paymentDate}T12:00:00Z`),
      method: input.method,
      status: input.status,
    },
    select: paymentSelect,
  });
  await recordAudit(tx, { organizationId: input.organizationId, userId, entity: "payment", entityId: payment.id, action: "create", newValue: input });
  await applyCreditFor(tx, payment, input.status, userId);
  return payment;
}

export async function updatePaymentStatus(tx: Transaction, id: bigint, status: PaymentStatus, userId: bigint) {
  // Lock the payment first: two concurrent status changes must not both decide to credit it.
  const locked = await tx.$queryRaw<{ id: bigint }[]>`SELECT id FROM "payment_history" WHERE id = ${id} FOR UPDATE`;
  if (!locked.length) throw new TRPCError({ code: "NOT_FOUND", message: "This payment does not exist." });
  const before = await tx.paymentHistory.findUniqueOrThrow({ where: { id }, select: paymentSelect });
  if (before.status === status) return before;
  if (!allowedTransitions[before.status as PaymentStatus]?.includes(status)) {
    throw new TRPCError({ code: "BAD_REQUEST", message: `A ${before.status} payment cannot become ${status}.` });
  }
  const payment = await tx.paymentHistory.update({ where: { id }, data: { status }, select: paymentSelect });
  await recordAudit(tx, { organizationId: before.organizationId, userId, entity: "payment", entityId: id, action: "update", oldValue: { status: before.status }, newValue: { status } });
  await applyCreditFor(tx, payment, status, userId);
  return payment;
}
