import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/server/generated/prisma/client";
import { changeCredits } from "@/server/services/credits";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";

async function errorOf(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

async function balanceOf(database: TestDatabase, organizationId: string): Promise<string> {
  return (await database.db.organization.findUniqueOrThrow({ where: { id: organizationId } })).creditBalance.toFixed(2);
}

describe.each(databaseKinds)("credits and payments on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  it("adjusts credits with a required reason, through the ledger, with an audit row", async () => {
    const asSuper = callerFor(database.db, f.superAdmin);
    const missingReason = await errorOf(asSuper.organization.adjustCredits({ organizationId: f.bayview.id, direction: "add", amount: "10.00", reason: "" }));
    expect(missingReason.code).toBe("BAD_REQUEST");
    expect(missingReason.message).toContain("reason");
    const result = await asSuper.organization.adjustCredits({ organizationId: f.bayview.id, direction: "add", amount: "10.05", reason: "Trial top-up" });
    expect(result.balance.toFixed(2)).toBe("22.45");
    const entry = await database.db.creditTransaction.findFirstOrThrow({ where: { organizationId: f.bayview.id }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ kind: "manual", reason: "Trial top-up", userId: f.superAdmin.id });
    expect(await database.db.auditLog.count({ where: { organizationId: f.bayview.id, entity: "credit" } })).toBe(1);
  });

  it("refuses a manual removal below -credit_limit (0 without a plan) and leaves the balance as it was", async () => {
    const asSuper = callerFor(database.db, f.superAdmin);
    const error = await errorOf(asSuper.organization.adjustCredits({ organizationId: f.bayview.id, direction: "remove", amount: "22.46", reason: "Too much" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("credit limit");
    expect(await balanceOf(database, f.bayview.id)).toBe("22.45");
    // Sunrise's plan lets it go 200 below zero: 842.50 - 1042.50 = -200 exactly is allowed, a cent more is not.
    await asSuper.organization.adjustCredits({ organizationId: f.sunrise.id, direction: "remove", amount: "1042.50", reason: "To the limit" });
    expect(await balanceOf(database, f.sunrise.id)).toBe("-200.00");
    expect((await errorOf(asSuper.organization.adjustCredits({ organizationId: f.sunrise.id, direction: "remove", amount: "0.01", reason: "Past it" }))).code).toBe("BAD_REQUEST");
    await asSuper.organization.adjustCredits({ organizationId: f.sunrise.id, direction: "add", amount: "1042.50", reason: "Back" });
  });

  it("credits a succeeded payment once and takes a refund back once, with ledger rows tied to the payment", async () => {
    const asSuper = callerFor(database.db, f.superAdmin);
    const payment = await asSuper.payment.create({ organizationId: f.sunrise.id, planId: f.plan.id, amount: "499.00", paymentDate: "2026-11-02", method: "card", status: "pending" });
    expect(await balanceOf(database, f.sunrise.id)).toBe("842.50");
    expect(payment.user?.id).toBe(f.superAdmin.id);
    await asSuper.payment.updateStatus({ id: payment.id, status: "succeeded" });
    expect(await balanceOf(database, f.sunrise.id)).toBe("1341.50");
    // Setting the same status again changes nothing.
    await asSuper.payment.updateStatus({ id: payment.id, status: "succeeded" });
    expect(await balanceOf(database, f.sunrise.id)).toBe("1341.50");
    await asSuper.payment.updateStatus({ id: payment.id, status: "refunded" });
    expect(await balanceOf(database, f.sunrise.id)).toBe("842.50");
    const backToSuccess = await errorOf(asSuper.payment.updateStatus({ id: payment.id, status: "succeeded" }));
    expect(backToSuccess.code).toBe("BAD_REQUEST");
    const entries = await database.db.creditTransaction.findMany({ where: { paymentId: payment.id }, orderBy: { id: "asc" } });
    expect(entries.map((entry) => [entry.kind, entry.amount.toFixed(2)])).toEqual([
      ["payment", "499.00"],
      ["refund", "-499.00"],
    ]);
    const audits = await database.db.auditLog.findMany({ where: { entity: "payment", entityId: String(payment.id) }, orderBy: { id: "asc" } });
    expect(audits.map((row) => row.action)).toEqual(["create", "update", "update"]);
  });

  it("never credits a payment twice, even when the ledger already has its row", async () => {
    const asSuper = callerFor(database.db, f.superAdmin);
    const payment = await asSuper.payment.create({ organizationId: f.bayview.id, planId: null, amount: "5.00", paymentDate: "2026-11-03", method: "manual", status: "failed" });
    await database.db.$transaction((tx) => changeCredits(tx, { organizationId: f.bayview.id, amount: "5.00", kind: "payment", paymentId: payment.id }));
    const before = await balanceOf(database, f.bayview.id);
    const error = await errorOf(asSuper.payment.updateStatus({ id: payment.id, status: "succeeded" }));
    expect(error.code).toBe("CONFLICT");
    expect(await balanceOf(database, f.bayview.id)).toBe(before);
    expect((await database.db.paymentHistory.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("failed");
  });

  it("lists payments with filters and totals per status; an Admin sees only their own organization's", async () => {
    const asSuper = callerFor(database.db, f.superAdmin);
    const sunrise = await asSuper.payment.list({ organizationId: f.sunrise.id });
    expect(sunrise.items.every((payment) => payment.organization.id === f.sunrise.id)).toBe(true);
    expect(sunrise.totals).toEqual([{ status: "refunded", amount: new Prisma.Decimal("499"), count: 1 }]);
    expect((await asSuper.payment.list({ from: "2026-11-03", to: "2026-11-03" })).items.map((payment) => payment.amount.toFixed(2))).toEqual(["5.00"]);
    expect((await asSuper.payment.list({ status: "pending" })).items).toEqual([]);
    const own = await callerFor(database.db, f.bayviewAdmin).payment.listOwn({});
    expect(own.items.map((payment) => payment.organizationId)).toEqual([f.bayview.id]);
    expect((await errorOf(callerFor(database.db, f.sunriseManager).payment.listOwn({}))).code).toBe("FORBIDDEN");
    const badDate = await errorOf(asSuper.payment.list({ from: "yesterday" }));
    expect(badDate.code).toBe("BAD_REQUEST");
  });

  it.runIf(kind === "postgresql")("loses nothing under 100 concurrent adjustments (PostgreSQL server)", async () => {
    const organization = await database.db.organization.create({ data: { name: "Concurrency Motors", email: "concurrency@test.test", creditBalance: "0.00" } });
    const asSuper = callerFor(database.db, f.superAdmin);
    await Promise.all(
      Array.from({ length: 100 }, (_, index) =>
        asSuper.organization.adjustCredits({ organizationId: organization.id, direction: "add", amount: `${(index % 7) + 1}.01`, reason: `Concurrent ${index}` }),
      ),
    );
    const expected = Array.from({ length: 100 }, (_, index) => new Prisma.Decimal(`${(index % 7) + 1}.01`)).reduce((sum, value) => sum.plus(value), new Prisma.Decimal(0));
    expect(await balanceOf(database, organization.id)).toBe(expected.toFixed(2));
    const entries = await database.db.creditTransaction.findMany({ where: { organizationId: organization.id }, orderBy: { balanceAfter: "asc" } });
    expect(entries).toHaveLength(100);
    // Each change saw the one before it: the balances after are all different and end at the total.
    expect(new Set(entries.map((entry) => entry.balanceAfter.toFixed(2))).size).toBe(100);
    expect(entries[99]!.balanceAfter.toFixed(2)).toBe(expected.toFixed(2));
  });
});
