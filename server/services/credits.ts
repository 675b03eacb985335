import { TRPCError } from "@trpc/server";
import { Prisma } from "../generated/prisma/client";
import type { Database } from "../db";
import { recordAudit } from "./audit";

export const creditKinds = ["manual", "payment", "refund", "call_debit"] as const;
export type CreditKind = (typeof creditKinds)[number];

export type CreditChange = {
  organizationId: string;
  /** Signed: positive adds credit, negative removes it. */
  amount: Prisma.Decimal | string;
  kind: CreditKind;
  reason?: string | null;
  paymentId?: bigint | null;
  callId?: bigint | null;
  /** Who made the change (null for the voice engine's call debits). */
  userId?: bigint | null;
  /** The voice engine's API key, for call debits. */
  apiKeyId?: bigint | null;
};

/**
 * Options for a transaction that calls changeCredits: changes to one organization queue on its row lock, so at a
 * busy moment a transaction may wait longer than Prisma's default 2 s for a pooled connection.
 */
export const creditTransactionOptions = { maxWait: 15_000, timeout: 15_000 } as const;

type TransactionClient = Pick<Database, "$queryRaw" | "creditTransaction" | "auditLog" | "organization">;

// Manual removals stop at -plan.credit_limit (0 without a plan). Everything else always applies:
// a call that happened is paid for even past the limit, and payments and refunds are facts.
function limitApplies(change: CreditChange, amount: Prisma.Decimal): boolean {
  return change.kind === "manual" && amount.isNegative();
}

/**
 * The only code that changes organization.credit_balance. Call it inside a transaction: the
 * balance moves in one atomic UPDATE (the row lock serializes concurrent changes, nothing is read
 * and written back), and the ledger entry and the audit row are written in the same transaction.
 * It leaves organization.updated_at alone: that is the version the profile forms save against, and a
 * call debited while an Admin edits the profile must not turn their save into a conflict.
 */
export async function changeCredits(tx: TransactionClient, change: CreditChange): Promise<{ balance: Prisma.Decimal; entryId: bigint }> {
  const amount = new Prisma.Decimal(change.amount);
  if (amount.isZero()) throw new TRPCError({ code: "BAD_REQUEST", message: "The amount must not be zero." });
  const enforceLimit = limitApplies(change, amount);
  const rows = await tx.$queryRaw<{ credit_balance: Prisma.Decimal; previous_balance: Prisma.Decimal }[]>`
    UPDATE "organization" AS o
       SET credit_balance = o.credit_balance + ${amount}::numeric
     WHERE o.id = ${change.organizationId}::uuid
       AND (${!enforceLimit} OR o.credit_balance + ${amount}::numeric >= -COALESCE((SELECT p.credit_limit FROM "plan" AS p WHERE p.id = o.plan_id), 0))
    RETURNING o.credit_balance, o.credit_balance - ${amount}::numeric AS previous_balance`;
  const row = rows[0];
  if (!row) {
    const organization = await tx.organization.findUnique({ where: { id: change.organizationId }, select: { creditBalance: true, plan: { select: { creditLimit: true } } } });
    if (!organization) throw new TRPCError({ code: "NOT_FOUND", message: "Organization not found." });
    const limit = organization.plan?.creditLimit ?? new Prisma.Decimal(0);
    throw new TRPCError({
      code: "BAD_REQUEST",
      message: `Removing ${amount.abs().toFixed(2)} would take the balance (${organization.creditBalance.toFixed(2)}) below the credit limit of -${limit.toFixed(2)}.`,
    });
  }
  const balance = new Prisma.Decimal(row.credit_balance);
  const entry = await tx.creditTransaction.create({
    data: {
      organizationId: change.organizationId,
      amount,
      balanceAfter: balance,
      kind: change.kind,
      reason: change.reason ?? null,
      paymentId: change.paymentId ?? null,
      callId: change.callId ?? null,
      userId: change.userId ?? null,
    },
    select: { id: true },
  });
  await recordAudit(tx, {
    organizationId: change.organizationId,
    userId: change.userId ?? null,
    apiKeyId: change.apiKeyId ?? null,
    entity: "credit",
    entityId: entry.id,
    action: "update",
    oldValue: { creditBalance: new Prisma.Decimal(row.previous_balance).toFixed(2) },
    newValue: { creditBalance: balance.toFixed(2), amount: amount.toFixed(2), kind: change.kind, reason: change.reason ?? null },
  });
  return { balance, entryId: entry.id };
}
