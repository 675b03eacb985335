import { beforeAll, describe, expect, it } from "vitest";
import { Prisma } from "@/server/generated/prisma/client";
import { eligibilitySummary } from "@/server/services/eligibility";
import { planCallingDays } from "@/server/services/schedule";
import { scheduleConfigSchema } from "@/lib/validation/schedule";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";
import { weekdaySchedule } from "./access/campaign-data";

describe("calling days", () => {
  it("fills each day's windows at the campaign's concurrency, skipping days without windows", () => {
    const schedule = scheduleConfigSchema.parse({ ...weekdaySchedule, startDate: "2026-11-30", concurrency: 2 });
    // Monday 09:00–12:00 = 180 minutes; 60-second calls on 2 lines = 360 calls a Monday.
    expect(planCallingDays(schedule, 360, 60, "2026-11-25")).toMatchObject({ callingDays: 1, firstDay: "2026-11-30", lastDay: "2026-11-30", callsPerFullDay: 360 });
    expect(planCallingDays(schedule, 361, 60, "2026-11-25")).toMatchObject({ callingDays: 2, lastDay: "2026-12-07" });
    const bounded = scheduleConfigSchema.parse({ ...weekdaySchedule, startDate: "2026-11-30", endDate: "2026-12-01" });
    expect(planCallingDays(bounded, 1000, 60, "2026-11-25").fitsBeforeEndDate).toBe(false);
  });
});

describe.each(databaseKinds)("eligibility and the preview on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;
  let campaignId: bigint;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
    const organizationId = f.sunrise.id;
    const manager = callerFor(database.db, f.sunriseManager);
    campaignId = (await manager.campaign.create({ name: "Known set", description: "", type: "recall" })).id;
    await manager.scheduleConfig.upsert({ campaignId, ...weekdaySchedule, maxAttempts: 3 });
    const record = (customerName: string, extra: Partial<Prisma.ServiceRecordUncheckedCreateInput> = {}) =>
      database.db.serviceRecord.create({ data: { organizationId, campaignId, customerName, ...extra } });
    const calls = async (serviceRecordId: bigint, count: number, direction = "outbound") => {
      for (let index = 0; index < count; index += 1) await database.db.call.create({ data: { organizationId, campaignId, serviceRecordId, status: "no_answer", direction } });
    };
    await record("Fresh A");
    await record("Fresh B");
    await calls((await record("Called once")).id, 1);
    await calls((await record("Called twice, plus an inbound call")).id, 2).then(async () => undefined);
    const twice = await database.db.serviceRecord.findFirstOrThrow({ where: { customerName: "Called twice, plus an inbound call" } });
    await calls(twice.id, 1, "inbound");
    await calls((await record("No attempts left")).id, 3);
    await record("Do not call", { doNotCall: true });
    const booked = await record("Open booking");
    await database.db.booking.create({ data: { organizationId, campaignId, serviceRecordId: booked.id, status: "Confirmed" } });
    const cancelled = await record("Cancelled booking only");
    await database.db.booking.create({ data: { organizationId, campaignId, serviceRecordId: cancelled.id, status: "Cancelled" } });
    // Another campaign's and another organization's records never count.
    const other = await manager.campaign.create({ name: "Other", description: "", type: "recall" });
    await database.db.serviceRecord.create({ data: { organizationId, campaignId: other.id, customerName: "Elsewhere" } });
  });

  it("counts eligible records by attempts left and says why the others are out", async () => {
    const summary = await eligibilitySummary(database.db, { organizationId: f.sunrise.id, campaignId, maxAttempts: 3 });
    expect(summary.eligible).toBe(5);
    expect(summary.byAttemptsLeft).toEqual([
      { attemptsLeft: 1, records: 1 },
      { attemptsLeft: 2, records: 1 },
      { attemptsLeft: 3, records: 3 },
    ]);
    expect(summary.excluded).toEqual({ total: 8, doNotCall: 1, openBooking: 1, noAttemptsLeft: 1 });
  });

  it("never counts another organization's records, even with the same campaign id", async () => {
    const summary = await eligibilitySummary(database.db, { organizationId: f.bayview.id, campaignId, maxAttempts: 3 });
    expect(summary.eligible).toBe(0);
  });

  it("previews calls with retries, calling days and the credit cost against the balance", async () => {
    const preview = await callerFor(database.db, f.sunriseManager).campaign.preview({ id: campaignId });
    expect(preview).not.toBeNull();
    // No connected call in the history: connect rate is 0 of the 7 finished calls, so every attempt is expected.
    expect(preview!.connectRate).toBe(0);
    expect(preview!.expectedCalls).toBe(1 + 2 + 3 * 3);
    expect(preview!.expectedConnectedCalls).toBe(0);
    expect(preview!.estimatedCost.toFixed(2)).toBe("0.00");
    expect(preview!.available.toFixed(2)).toBe("1042.50");
    expect(preview!.plan.callingDays).toBe(1);

    // With one connected 150-second call in the history: started minutes = 3 at $0.18.
    const record = await database.db.serviceRecord.findFirstOrThrow({ where: { customerName: "Elsewhere" } });
    await database.db.call.create({ data: { organizationId: f.sunrise.id, serviceRecordId: record.id, status: "completed", durationSec: 150 } });
    const withHistory = await callerFor(database.db, f.sunriseManager).campaign.preview({ id: campaignId });
    expect(withHistory!.averageConnectedSeconds).toBe(150);
    expect(withHistory!.connectRate).toBeCloseTo(1 / 8);
    const connected = withHistory!.expectedConnectedCalls;
    expect(withHistory!.estimatedCost.toFixed(2)).toBe(new Prisma.Decimal("0.18").mul(3).mul(connected).toFixed(2));
  });
});
