import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";
import { buildMetricsDataSet, knownPeriod } from "../helpers/metrics-data";
import { computeMetrics } from "@/server/services/metrics";

// The dashboard reads call figures from call_daily_stat, which database triggers keep up to date. Each
// step below is a write the app makes (a call, a booking, a show, a finished service, a review, a
// debit, a changed service type, a moved time zone, deletions), followed by what the dashboard must show;
// at the end the rollup must equal the same figures counted straight from the tables.

/** Per organization, over all time: the rollup's sums next to the same figures counted from the tables. */
async function rollupAgainstTables(database: TestDatabase) {
  return database.db.$queryRaw<{ organization_id: string; rollup: string; counted: string }[]>`
    WITH counted AS (
      SELECT c.organization_id, count(*) AS calls, count(*) FILTER (WHERE c.status = 'completed') AS connected,
             coalesce(sum(c.duration_sec) FILTER (WHERE c.status = 'completed'), 0) AS duration_sum,
             count(*) FILTER (WHERE c.status = 'completed' AND EXISTS (SELECT 1 FROM booking b WHERE b.call_id = c.id)) AS booked,
             count(*) FILTER (WHERE c.status = 'completed' AND c.reviewed_at IS NULL) AS unreviewed,
             coalesce((SELECT -sum(ct.amount) FROM credit_transaction ct JOIN "call" d ON d.id = ct.call_id
                        WHERE ct.kind = 'call_debit' AND d.organization_id = c.organization_id AND d.start_time IS NOT NULL), 0) AS debited
        FROM "call" c WHERE c.start_time IS NOT NULL GROUP BY c.organization_id
    ),
    rolled AS (
      SELECT organization_id, sum(calls) AS calls, sum(calls) FILTER (WHERE status = 'completed') AS connected, sum(duration_sum) AS duration_sum,
             sum(booked) AS booked, sum(unreviewed) AS unreviewed, sum(credits_debited) AS debited
        FROM call_daily_stat GROUP BY organization_id
    )
    SELECT coalesce(counted.organization_id, rolled.organization_id)::text AS organization_id,
           concat_ws('/', rolled.calls, rolled.connected, rolled.duration_sum, rolled.booked, rolled.unreviewed, rolled.debited::numeric(14, 2)) AS rollup,
           concat_ws('/', counted.calls, counted.connected, counted.duration_sum, counted.booked, counted.unreviewed, counted.debited::numeric(14, 2)) AS counted
      FROM counted FULL JOIN rolled ON rolled.organization_id = counted.organization_id
     ORDER BY 1`;
}

describe.each(databaseKinds)("the dashboard's daily rollup on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;
  let campaigns: Awaited<ReturnType<typeof buildMetricsDataSet>>;
  const summary = () => callerFor(database.db, f.sunriseManager).dashboard.summary(knownPeriod);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
    campaigns = await buildMetricsDataSet(database, f);
  });

  it("follows every write that feeds the figures, in the same transaction", async () => {
    const { db } = database;
    const before = await summary();
    expect(before.metrics).toMatchObject({ attempted: 4, connected: 3, booked: 2, showed: 1, serviceCompleted: 1 });

    // A connected call at 21:00 local on the 11th.
    const call = await db.call.create({ data: { organizationId: f.sunrise.id, campaignId: campaigns.recall.id, status: "completed", durationSec: 200, startTime: new Date("2026-03-12T01:00:00Z") } });
    let now = await summary();
    expect(now.metrics).toMatchObject({ attempted: 5, connected: 4, booked: 2, averageDurationSec: (120 + 240 + 60 + 200) / 4 });
    expect(now.reviewQueue.waiting).toBe(before.reviewQueue.waiting + 1);

    const record = await db.serviceRecord.create({ data: { organizationId: f.sunrise.id, customerName: "Cleo", serviceType: "Brakes" } });
    await db.call.update({ where: { id: call.id }, data: { serviceRecordId: record.id } });
    const booking = await db.booking.create({ data: { organizationId: f.sunrise.id, callId: call.id, serviceRecordId: record.id, campaignId: campaigns.recall.id, status: "Pending", scheduledTime: new Date("2026-03-20T15:00:00Z") } });
    now = await summary();
    expect(now.metrics).toMatchObject({ booked: 3, showed: 1, serviceCompleted: 1 });
    expect(now.bookingsByCampaign.find((row) => row.name === "Airbag recall")?.booked).toBe(2);

    await db.booking.update({ where: { id: booking.id }, data: { status: "Completed" } });
    await db.serviceRecord.update({ where: { id: record.id }, data: { status: "Completed" } });
    now = await summary();
    expect(now.metrics).toMatchObject({ booked: 3, showed: 2, serviceCompleted: 2 });

    await db.call.update({ where: { id: call.id }, data: { reviewedAt: new Date() } });
    await db.creditTransaction.create({ data: { organizationId: f.sunrise.id, callId: call.id, kind: "call_debit", amount: "-2.25", balanceAfter: "838.75" } });
    now = await summary();
    expect(now.reviewQueue.waiting).toBe(before.reviewQueue.waiting);
    expect(now.metrics.creditsDebited.toFixed(2)).toBe("3.75");

    // A KPI narrowed to a service type follows the record's type.
    const scope = { organizationId: f.sunrise.id, timeZone: "America/New_York", range: { from: knownPeriod.from, to: knownPeriod.to } };
    expect((await computeMetrics(db, { ...scope, serviceType: "Brakes" }, 2)).attempted).toBe(1);
    await db.serviceRecord.update({ where: { id: record.id }, data: { serviceType: "Tires" } });
    expect((await computeMetrics(db, { ...scope, serviceType: "Brakes" }, 2)).attempted).toBe(0);
    expect((await computeMetrics(db, { ...scope, serviceType: "Tires" }, 2))).toMatchObject({ attempted: 1, booked: 1, showed: 1 });

    // Two writes to one call in one statement, and a transaction that fails: counted once, and not at all.
    await db.booking.create({ data: { organizationId: f.sunrise.id, callId: call.id, status: "Pending" } });
    await db.booking.updateMany({ where: { callId: call.id }, data: { status: "Cancelled" } });
    now = await summary();
    expect(now.metrics).toMatchObject({ booked: 3, showed: 1 });
    await expect(
      db.$transaction(async (tx) => {
        await tx.call.create({ data: { organizationId: f.sunrise.id, status: "completed", durationSec: 10, startTime: new Date("2026-03-11T15:00:00Z") } });
        throw new Error("rolled back");
      }),
    ).rejects.toThrow("rolled back");
    expect((await summary()).metrics.attempted).toBe(5);

    await db.booking.deleteMany({ where: { callId: call.id } });
    expect((await summary()).metrics).toMatchObject({ booked: 2 });
    await db.creditTransaction.deleteMany({ where: { callId: call.id } });
    await db.call.delete({ where: { id: call.id } });
    expect((await summary()).metrics).toMatchObject({ attempted: 4, connected: 3, booked: 2, showed: 1 });
    expect((await summary()).metrics.creditsDebited.toFixed(2)).toBe("1.50");
  });

  it("moves every call to its new local day when the organization changes its time zone", async () => {
    const { db } = database;
    // 06:30 UTC on the 12th: 02:30 on the 12th in New York (outside), 23:30 on the 11th in Los Angeles (inside).
    await db.call.create({ data: { organizationId: f.sunrise.id, status: "no_answer", durationSec: 0, startTime: new Date("2026-03-12T06:30:00Z") } });
    expect((await summary()).metrics.attempted).toBe(4);
    await db.setting.update({ where: { organizationId_key: { organizationId: f.sunrise.id, key: "timezone" } }, data: { value: "America/Los_Angeles" } });
    const moved = await summary();
    expect(moved.timeZone).toBe("America/Los_Angeles");
    // In Los Angeles the 10th/11th hold: 14:00Z and 15:00Z on the 10th, 16:00Z on the 11th, 03:30Z and 06:30Z on the 12th;
    // 03:30Z on the 10th is 19:30 on the 9th.
    expect(moved.metrics.attempted).toBe(5);
    await db.setting.update({ where: { organizationId_key: { organizationId: f.sunrise.id, key: "timezone" } }, data: { value: "America/New_York" } });
    expect((await summary()).metrics.attempted).toBe(4);
  });

  it("counts a rating in the period it was given, not when its record is edited later", async () => {
    const { db } = database;
    const manager = callerFor(db, f.sunriseManager);
    const todayBefore = (await manager.dashboard.summary({ period: "today" })).metrics.ratedRecords;
    const ana = await db.serviceRecord.findFirstOrThrow({ where: { organizationId: f.sunrise.id, customerName: "Ana" } });
    await db.serviceRecord.update({ where: { id: ana.id }, data: { feedback: "Called back about the invoice" } });
    expect((await manager.dashboard.summary({ period: "today" })).metrics.ratedRecords).toBe(todayBefore);
    expect((await summary()).metrics).toMatchObject({ ratedRecords: 2, averageRating: 3 });
    await db.serviceRecord.update({ where: { id: ana.id }, data: { rating: 5 } });
    expect((await manager.dashboard.summary({ period: "today" })).metrics.ratedRecords).toBe(todayBefore + 1);
    expect((await summary()).metrics).toMatchObject({ ratedRecords: 1, averageRating: 2 });
  });

  it("equals the figures counted straight from the tables, organization by organization", async () => {
    const rows = await rollupAgainstTables(database);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) expect(row.rollup, `organization ${row.organization_id}`).toBe(row.counted);
  });
});
