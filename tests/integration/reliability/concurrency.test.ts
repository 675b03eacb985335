import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/server/generated/prisma/client";
import { handleCallReport, handleClaim } from "@/server/api-v1/handlers";
import { callerFor, createFixtures } from "../../helpers/fixtures";
import type { Fixtures } from "../../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../../helpers/db";
import type { TestDatabase } from "../../helpers/db";
import { apiRequest, createCampaign, createOrganization, mondayMorning } from "../voice-api/voice-api-data";
import type { ClaimJson, TestOrganization } from "../voice-api/voice-api-data";

// Concurrency only means something with a real connection pool: on the PostgreSQL server every call below
// runs at once (the pool has 10 connections, so 100 calls queue on it and on the organization's row lock).
// PGlite serves one connection, so there the same checks run one after another, at a smaller count.
const plan = (kind: string) => (kind === "postgresql" ? { count: 100, concurrent: true } : { count: 10, concurrent: false });

async function runAll<T>(count: number, concurrent: boolean, call: (index: number) => Promise<T>): Promise<PromiseSettledResult<T>[]> {
  const indexes = Array.from({ length: count }, (_, index) => index);
  if (concurrent) return Promise.allSettled(indexes.map(call));
  const results: PromiseSettledResult<T>[] = [];
  for (const index of indexes) results.push(...(await Promise.allSettled([call(index)])));
  return results;
}

const rejections = (results: PromiseSettledResult<unknown>[]) => results.filter((result): result is PromiseRejectedResult => result.status === "rejected");
const codesOf = (results: PromiseSettledResult<unknown>[]) => rejections(results).map((result) => (result.reason as { code?: string }).code ?? String(result.reason));

describe.each(databaseKinds)("nothing lost under concurrent writes on %s", (kind) => {
  const { count, concurrent } = plan(kind);
  let database: TestDatabase;
  let f: Fixtures;

  async function organizationWith(name: string, creditBalance: string, planId: number | null = null) {
    return database.db.organization.create({ data: { name, email: `${name.toLowerCase().replace(/\W+/g, "-")}@concurrency.test`, creditBalance, planId } });
  }

  const balanceOf = async (organizationId: string) => (await database.db.organization.findUniqueOrThrow({ where: { id: organizationId } })).creditBalance;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  it(`lands ${count} credit adjustments exactly: balance = start + sum, one ledger row and one audit row each`, async () => {
    const organization = await organizationWith("Adjusted Motors", "100.00");
    const asSuper = callerFor(database.db, f.superAdmin);
    // Amounts 0.01, 0.02, …: every one counts, and a lost update would show in the cents.
    const amounts = Array.from({ length: count }, (_, index) => new Prisma.Decimal(index + 1).dividedBy(100));
    const results = await runAll(count, concurrent, (index) =>
      asSuper.organization.adjustCredits({ organizationId: organization.id, direction: index % 5 === 4 ? "remove" : "add", amount: amounts[index]!.toFixed(2), reason: `Concurrent ${index}` }),
    );
    expect(codesOf(results)).toEqual([]);
    const sum = amounts.reduce((total, amount, index) => (index % 5 === 4 ? total.minus(amount) : total.plus(amount)), new Prisma.Decimal(0));
    expect((await balanceOf(organization.id)).toFixed(2)).toBe(new Prisma.Decimal("100.00").plus(sum).toFixed(2));
    const ledger = await database.db.creditTransaction.findMany({ where: { organizationId: organization.id }, orderBy: { id: "asc" } });
    expect(ledger).toHaveLength(count);
    expect(await database.db.auditLog.count({ where: { organizationId: organization.id, entity: "credit" } })).toBe(count);
    // The ledger replays: each entry's balance_after is the one before plus its amount. Ids follow the row lock's
    // order (the entry is inserted while the organization row is locked), so id order is commit order.
    const replayed = ledger.reduce((balance, entry) => {
      expect(entry.balanceAfter.toFixed(2)).toBe(balance.plus(entry.amount).toFixed(2));
      return entry.balanceAfter;
    }, new Prisma.Decimal("100.00"));
    expect(replayed.toFixed(2)).toBe((await balanceOf(organization.id)).toFixed(2));
  });

  it(`never takes the balance below the credit limit when ${count} removals race for the last credit`, async () => {
    const organization = await organizationWith("Almost Empty Garage", (count / 10).toFixed(2));
    const asSuper = callerFor(database.db, f.superAdmin);
    const results = await runAll(count, concurrent, (index) =>
      asSuper.organization.adjustCredits({ organizationId: organization.id, direction: "remove", amount: "1.00", reason: `Race ${index}` }),
    );
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(count / 10);
    expect(new Set(codesOf(results))).toEqual(new Set(["BAD_REQUEST"]));
    expect((await balanceOf(organization.id)).toFixed(2)).toBe("0.00");
    expect(await database.db.creditTransaction.count({ where: { organizationId: organization.id } })).toBe(count / 10);
  });

  it(`lands ${count} payment status changes exactly: each payment credited once`, async () => {
    const organization = await organizationWith("Paying Motors", "0.00");
    const asSuper = callerFor(database.db, f.superAdmin);
    const payments: Awaited<ReturnType<typeof asSuper.payment.create>>[] = [];
    for (let index = 0; index < count; index++) {
      payments.push(await asSuper.payment.create({ organizationId: organization.id, planId: null, amount: `${index + 1}.25`, paymentDate: "2026-11-20", method: "card", status: "pending" }));
    }
    const results = await runAll(count, concurrent, (index) => asSuper.payment.updateStatus({ id: String(payments[index]!.id), status: "succeeded" }));
    expect(codesOf(results)).toEqual([]);
    const total = payments.reduce((sum, payment) => sum.plus(payment.amount), new Prisma.Decimal(0));
    expect((await balanceOf(organization.id)).toFixed(2)).toBe(total.toFixed(2));
    expect(await database.db.creditTransaction.count({ where: { organizationId: organization.id, kind: "payment" } })).toBe(count);
    expect(await database.db.paymentHistory.count({ where: { organizationId: organization.id, status: "succeeded" } })).toBe(count);
    expect(await database.db.auditLog.count({ where: { organizationId: organization.id, entity: "payment", action: "update" } })).toBe(count);
  });

  it(`credits a payment once when it is marked succeeded ${count} times at once, and refunds it once`, async () => {
    const organization = await organizationWith("Double Click Auto", "10.00");
    const asSuper = callerFor(database.db, f.superAdmin);
    const payment = await asSuper.payment.create({ organizationId: organization.id, planId: null, amount: "250.00", paymentDate: "2026-11-21", method: "bank_transfer", status: "pending" });
    const succeeded = await runAll(count, concurrent, () => asSuper.payment.updateStatus({ id: String(payment.id), status: "succeeded" }));
    expect(codesOf(succeeded)).toEqual([]);
    expect((await balanceOf(organization.id)).toFixed(2)).toBe("260.00");
    const refunded = await runAll(count, concurrent, () => asSuper.payment.updateStatus({ id: String(payment.id), status: "refunded" }));
    expect(codesOf(refunded)).toEqual([]);
    expect((await balanceOf(organization.id)).toFixed(2)).toBe("10.00");
    const ledger = await database.db.creditTransaction.findMany({ where: { paymentId: payment.id }, select: { kind: true, amount: true }, orderBy: { id: "asc" } });
    expect(ledger.map((entry) => [entry.kind, entry.amount.toFixed(2)])).toEqual([
      ["payment", "250.00"],
      ["refund", "-250.00"],
    ]);
    // One status change audited per real transition; the repeats changed nothing and wrote nothing.
    expect(await database.db.auditLog.count({ where: { organizationId: organization.id, entity: "payment", action: "update" } })).toBe(2);
  });

  // Claims pick their records in parallel (row locks, SKIP LOCKED) and only count, re-check and insert under the
  // organization's lock: a picker whose search began before another engine's claim committed must not hand out
  // the same customer again, nor an attempt past maxAttempts, nor a line past the caps.
  it(`never calls one customer twice at once nor past maxAttempts when 8 engines claim and report in a loop`, async () => {
    const organization = await createOrganization(database.db, { callConcurrencyLimit: 5 });
    const campaign = await createCampaign(database.db, organization.id, { records: 6, schedule: { maxAttempts: 3, retryDelayMinutes: 0, concurrency: 4 } });
    const claimOne = async (engine: TestOrganization): Promise<ClaimJson> => {
      const response = await handleClaim(database.db, apiRequest("POST", "/api/v1/dial-queue/claim", engine.key, { limit: 2 }), { now: mondayMorning });
      expect(response.status).toBe(200);
      return (await response.json()) as ClaimJson;
    };
    const attempts: string[] = [];
    let inFlight = 0;
    let mostInFlight = 0;
    const engine = async () => {
      for (let round = 0; round < 8; round += 1) {
        const { calls } = await claimOne(organization);
        inFlight += calls.length;
        mostInFlight = Math.max(mostInFlight, inFlight);
        for (const call of calls) attempts.push(`${call.service.record_id}#${call.attempt}`);
        for (const call of calls) {
          const report = await handleCallReport(database.db, apiRequest("PUT", `/api/v1/calls/${call.call_id}`, organization.key, { status: "no_answer" }), call.call_id);
          expect(report.status).toBe(200);
          inFlight -= 1;
        }
      }
    };
    expect(codesOf(await runAll(8, concurrent, () => engine()))).toEqual([]);
    await engine(); // whatever the race left (an engine may have run out of rounds while others held the lines)
    // Each (record, attempt) handed out once: two engines holding one customer would both get the same attempt number.
    expect(new Set(attempts).size).toBe(attempts.length);
    expect(mostInFlight).toBeLessThanOrEqual(5);
    const calls = await database.db.call.groupBy({ by: ["serviceRecordId"], where: { organizationId: organization.id, campaignId: campaign.id, direction: "outbound" }, _count: { _all: true } });
    expect(calls.every((group) => group._count._all <= 3)).toBe(true);
    // Every one of the 18 attempts there are was made, and no more.
    expect(attempts).toHaveLength(18);
    const records = await database.db.serviceRecord.findMany({ where: { campaignId: campaign.id }, select: { outboundAttempts: true } });
    expect(records.map((record) => record.outboundAttempts)).toEqual([3, 3, 3, 3, 3, 3]);
  });
});
