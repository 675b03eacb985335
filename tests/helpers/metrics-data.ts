import type { Fixtures } from "./fixtures";
import type { TestDatabase } from "./db";

// A small known data set in Sunrise's time zone (America/New_York, UTC-4 in March 2026 after DST),
// with calls on both sides of the period's local day boundaries and Bayview noise that must never count.
export const knownPeriod = { period: "custom" as const, from: "2026-03-10", to: "2026-03-11" };

export async function buildMetricsDataSet(database: TestDatabase, f: Fixtures) {
  const { db } = database;
  await db.setting.create({ data: { organizationId: f.sunrise.id, key: "timezone", value: "America/New_York" } });
  const [oilChange, recall] = await db.campaign.createManyAndReturn({
    data: [
      { organizationId: f.sunrise.id, name: "Oil change reminders", status: "Active" },
      { organizationId: f.sunrise.id, name: "Airbag recall", status: "Active" },
    ],
  });
  const [recordA, recordB] = await db.serviceRecord.createManyAndReturn({
    data: [
      { organizationId: f.sunrise.id, campaignId: oilChange!.id, customerName: "Ana", rating: 4, updatedAt: new Date("2026-03-10T16:00:00Z") },
      { organizationId: f.sunrise.id, campaignId: recall!.id, customerName: "Ben", rating: 2, updatedAt: new Date("2026-03-11T16:00:00Z"), status: "Completed" },
    ],
  });
  const call = (at: string, status: string, durationSec: number, campaignId: bigint | null, organizationId = f.sunrise.id) => ({
    organizationId,
    campaignId,
    status,
    durationSec,
    startTime: new Date(at),
  });
  const [callA, , , callD] = await db.call.createManyAndReturn({
    data: [
      call("2026-03-10T14:00:00Z", "completed", 120, oilChange!.id),
      call("2026-03-10T15:00:00Z", "completed", 240, recall!.id),
      call("2026-03-11T16:00:00Z", "no_answer", 0, oilChange!.id),
      call("2026-03-12T03:30:00Z", "completed", 60, recall!.id), // 23:30 local on the 11th: inside
      call("2026-03-10T03:30:00Z", "completed", 300, recall!.id), // 23:30 local on the 9th: outside
      call("2026-03-10T14:00:00Z", "completed", 500, null, f.bayview.id),
    ],
  });
  await db.booking.createMany({
    data: [
      { organizationId: f.sunrise.id, callId: callA!.id, campaignId: oilChange!.id, serviceRecordId: recordA!.id, status: "Completed", scheduledTime: new Date("2026-03-11T15:00:00Z") },
      { organizationId: f.sunrise.id, callId: callD!.id, campaignId: recall!.id, serviceRecordId: recordB!.id, status: "NoShow", scheduledTime: new Date("2026-03-11T20:00:00Z") },
    ],
  });
  await db.creditTransaction.createMany({
    data: [
      { organizationId: f.sunrise.id, callId: callA!.id, kind: "call_debit", amount: "-0.50", balanceAfter: "842.00", createdAt: new Date("2026-03-10T14:05:00Z") },
      { organizationId: f.sunrise.id, callId: callD!.id, kind: "call_debit", amount: "-1.00", balanceAfter: "841.00", createdAt: new Date("2026-03-12T03:35:00Z") },
    ],
  });
  return { oilChange: oilChange!, recall: recall! };
}

