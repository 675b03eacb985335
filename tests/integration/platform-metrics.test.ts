import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";
import { errorOf } from "../helpers/errors";
import { buildMetricsDataSet, knownPeriod } from "../helpers/metrics-data";
import { localDate } from "@/server/services/periods";

const period = knownPeriod; // 2026-03-10 .. 2026-03-11

// On top of the dashboard's data set (Sunrise in New York: 4 calls, 3 connected, 2 booked, durations
// 120+240+60, ratings 4 and 2, debits 1.50; Bayview, New York by default: one connected call of 500 s):
//   Bayview also pays 2.00 for its call.
//   Harbor, in Tokyo (UTC+9), has calls on both sides of ITS local day boundaries: 2 inside, 2 outside.
//   Quiet Garage has no calls at all.
async function buildPlatformDataSet(database: TestDatabase, f: Fixtures) {
  const { db } = database;
  await buildMetricsDataSet(database, f);
  const bayviewCall = await db.call.findFirstOrThrow({ where: { organizationId: f.bayview.id } });
  await db.creditTransaction.create({
    data: { organizationId: f.bayview.id, callId: bayviewCall.id, kind: "call_debit", amount: "-2.00", balanceAfter: "12.40", createdAt: new Date("2026-03-10T14:05:00Z") },
  });
  const harbor = await db.organization.create({ data: { name: "Harbor Auto Tokyo", email: "hello@harbor.test", creditBalance: "100.00" } });
  await db.setting.create({ data: { organizationId: harbor.id, key: "timezone", value: "Asia/Tokyo" } });
  const quiet = await db.organization.create({ data: { name: "Quiet Garage", email: "hello@quiet.test" } });
  const record = await db.serviceRecord.create({ data: { organizationId: harbor.id, customerName: "Chie", rating: 5, updatedAt: new Date("2026-03-10T03:00:00Z") } });
  const call = (at: string, status: string, durationSec: number) => ({ organizationId: harbor.id, status, durationSec, startTime: new Date(at) });
  const [inside] = await db.call.createManyAndReturn({
    data: [
      call("2026-03-09T15:30:00Z", "completed", 200), // 00:30 on the 10th in Tokyo: inside (the 9th in UTC)
      call("2026-03-10T02:00:00Z", "no_answer", 0), // 11:00 on the 10th: inside
      call("2026-03-11T15:30:00Z", "completed", 300), // 00:30 on the 12th in Tokyo: outside (the 11th in UTC)
      call("2026-03-09T14:30:00Z", "completed", 999), // 23:30 on the 9th in Tokyo: outside
    ],
  });
  await db.booking.create({
    data: { organizationId: harbor.id, callId: inside!.id, serviceRecordId: record.id, status: "Completed", scheduledTime: new Date("2026-03-11T01:00:00Z") },
  });
  await db.creditTransaction.create({
    data: { organizationId: harbor.id, callId: inside!.id, kind: "call_debit", amount: "-0.60", balanceAfter: "100.00", createdAt: new Date("2026-03-09T15:35:00Z") },
  });
  return { harbor, quiet };
}

type Summary = Awaited<ReturnType<ReturnType<typeof callerFor>["dashboard"]["platformSummary"]>>;
const rowOf = (summary: Summary, organizationId: string) => summary.organizations.find((row) => row.organizationId === organizationId)!;

describe.each(databaseKinds)("platform metrics on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;
  let orgs: Awaited<ReturnType<typeof buildPlatformDataSet>>;
  const superAdmin = () => callerFor(database.db, f.superAdmin);

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
    orgs = await buildPlatformDataSet(database, f);
  });

  it("gives each service center the figures its own dashboard shows, never the platform organization", async () => {
    const summary = await superAdmin().dashboard.platformSummary(period);
    expect(summary.range).toEqual({ from: "2026-03-10", to: "2026-03-11" });
    expect(summary.organizations.map((row) => row.name).sort()).toEqual(["Bayview Auto Care", "Harbor Auto Tokyo", "Quiet Garage", "Sunrise Motors"]);
    const sunriseDashboard = await callerFor(database.db, f.sunriseManager).dashboard.summary(period);
    expect(rowOf(summary, f.sunrise.id).metrics).toEqual(sunriseDashboard.metrics);
    const bayviewDashboard = await callerFor(database.db, f.bayviewAdmin).dashboard.summary(period);
    expect(rowOf(summary, f.bayview.id).metrics).toEqual(bayviewDashboard.metrics);
    expect(rowOf(summary, f.sunrise.id).creditBalance.toFixed(2)).toBe("842.50");
    expect(rowOf(summary, f.bayview.id)).toMatchObject({ timeZone: "America/New_York", isActive: true });
  });

  it("counts each organization's days in its own time zone", async () => {
    const harbor = rowOf(await superAdmin().dashboard.platformSummary(period), orgs.harbor.id);
    expect(harbor.timeZone).toBe("Asia/Tokyo");
    expect(harbor.metrics).toMatchObject({ attempted: 2, connected: 1, connectRate: 0.5, booked: 1, bookingRate: 1, showRate: 1, averageDurationSec: 200, averageRating: 5, ratedRecords: 1 });
    expect(harbor.metrics.creditsDebited.toFixed(2)).toBe("0.60");
    expect(harbor.metrics.costPerBooking?.toFixed(2)).toBe("0.60");
  });

  it("gives an organization without calls zeros and no rates", async () => {
    const quiet = rowOf(await superAdmin().dashboard.platformSummary(period), orgs.quiet.id);
    expect(quiet.metrics).toMatchObject({ attempted: 0, connected: 0, booked: 0, connectRate: null, bookingRate: null, showRate: null, averageDurationSec: null, averageRating: null, costPerBooking: null });
    expect(quiet.creditBalance.toFixed(2)).toBe("0.00");
  });

  it("totals the platform as ratios of sums, not averages of the organizations' ratios", async () => {
    const { total } = await superAdmin().dashboard.platformSummary(period);
    expect(total.metrics).toMatchObject({ attempted: 7, connected: 5, booked: 3, showed: 2, averageDurationSec: 224, ratedRecords: 3, callsPerDay: 3.5 });
    expect(total.metrics.connectRate).toBeCloseTo(5 / 7, 12); // the average of 0.75, 1 and 0.5 would be 0.75
    expect(total.metrics.bookingRate).toBeCloseTo(3 / 5, 12);
    expect(total.metrics.showRate).toBeCloseTo(2 / 3, 12);
    expect(total.metrics.averageRating).toBeCloseTo(11 / 3, 12); // (4 + 2 + 5) / 3 records, not (3 + 5) / 2
    expect(total.metrics.creditsDebited.toFixed(2)).toBe("4.10");
    expect(total.metrics.costPerBooking?.toFixed(2)).toBe("1.37");
    expect(total.creditBalance.toFixed(2)).toBe("954.90");
  });

  it("gives an empty period zeros everywhere, but the balances of now", async () => {
    const summary = await superAdmin().dashboard.platformSummary({ period: "custom", from: "2025-01-01", to: "2025-01-07" });
    expect(summary.organizations.every((row) => row.metrics.attempted === 0 && row.metrics.connectRate === null)).toBe(true);
    expect(summary.total.metrics).toMatchObject({ attempted: 0, connected: 0, booked: 0, connectRate: null, bookingRate: null, showRate: null, averageDurationSec: null, averageRating: null, costPerBooking: null });
    expect(summary.total.metrics.creditsDebited.toFixed(2)).toBe("0.00");
    expect(summary.total.creditBalance.toFixed(2)).toBe("954.90");
  });

  it("sorts by any figure, organizations without a value last either way", async () => {
    const names = async (sort: "connectRate" | "name" | "creditBalance", direction: "asc" | "desc") =>
      (await superAdmin().dashboard.platformSummary({ ...period, sort, direction })).organizations.map((row) => row.name);
    expect(await names("connectRate", "desc")).toEqual(["Bayview Auto Care", "Sunrise Motors", "Harbor Auto Tokyo", "Quiet Garage"]);
    expect(await names("connectRate", "asc")).toEqual(["Harbor Auto Tokyo", "Sunrise Motors", "Bayview Auto Care", "Quiet Garage"]);
    expect(await names("creditBalance", "asc")).toEqual(["Quiet Garage", "Bayview Auto Care", "Harbor Auto Tokyo", "Sunrise Motors"]);
    expect(await names("name", "asc")).toEqual(["Bayview Auto Care", "Harbor Auto Tokyo", "Quiet Garage", "Sunrise Motors"]);
  });

  it("names the days of a preset in the platform's time zone", async () => {
    const before = localDate(new Date(), "America/New_York");
    const summary = await superAdmin().dashboard.platformSummary({ period: "today" });
    const after = localDate(new Date(), "America/New_York");
    expect([before, after]).toContain(summary.range.to);
    expect(summary.range.from).toBe(summary.range.to);
  });

  it("compares one organization with the median and average of the others, with its rank per figure", async () => {
    const comparison = await superAdmin().dashboard.compareOrganization({ ...period, organizationId: f.sunrise.id });
    expect(comparison.organization).toMatchObject({ id: f.sunrise.id, name: "Sunrise Motors", timeZone: "America/New_York" });
    expect(comparison.others).toBe(3);
    const figure = (key: string) => comparison.figures.find((row) => row.key === key)!;
    // Calls: 4 against 1, 2 and 0.
    expect(figure("attempted")).toMatchObject({ value: 4, othersMedian: 1, othersAverage: 1, othersCounted: 3, rank: 1, rankedAmong: 4, position: "above" });
    // Connect rate: 0.75 against 1 and 0.5 (Quiet Garage has none).
    expect(figure("connectRate")).toMatchObject({ value: 0.75, othersMedian: 0.75, othersAverage: 0.75, othersCounted: 2, rank: 2, rankedAmong: 3, position: "level" });
    // Average rating: 3 against Harbor's 5.
    expect(figure("averageRating")).toMatchObject({ value: 3, othersMedian: 5, rank: 2, rankedAmong: 2, position: "below" });
    // Cost per booking, where lower is better: 0.75 against Harbor's 0.60.
    const cost = figure("costPerBooking");
    expect([cost.value?.toString(), cost.othersMedian?.toString()]).toEqual(["0.75", "0.6"]);
    expect(cost).toMatchObject({ rank: 2, rankedAmong: 2, position: "above" });
    // Credit balance: 842.50 against 0, 12.40 and 100.00.
    const balance = figure("creditBalance");
    expect([balance.othersMedian?.toString(), balance.othersAverage?.toString()]).toEqual(["12.4", "37.47"]);
    expect(balance).toMatchObject({ rank: 1, rankedAmong: 4 });
    expect(comparison.callsByDay).toEqual([
      { day: "2026-03-10", own: 2, othersAverage: 1 }, // Bayview 1 + Harbor 2 (its local 10th) over 3 others
      { day: "2026-03-11", own: 2, othersAverage: 0 },
    ]);
  });

  it("compares an organization without calls without inventing figures", async () => {
    const comparison = await superAdmin().dashboard.compareOrganization({ ...period, organizationId: orgs.quiet.id });
    const connectRate = comparison.figures.find((row) => row.key === "connectRate")!;
    expect(connectRate).toMatchObject({ value: null, rank: null, position: null, othersCounted: 3, rankedAmong: 3 });
    expect(comparison.figures.find((row) => row.key === "attempted")).toMatchObject({ value: 0, rank: 4, rankedAmong: 4, position: "below" });
  });

  it("refuses the platform organization, unknown ids and bad periods", async () => {
    expect((await errorOf(superAdmin().dashboard.compareOrganization({ ...period, organizationId: f.platform.id }))).code).toBe("NOT_FOUND");
    expect((await errorOf(superAdmin().dashboard.compareOrganization({ ...period, organizationId: "9b2f6a3e-1c4d-4e5f-8a7b-0c1d2e3f4a5b" }))).code).toBe("NOT_FOUND");
    expect((await errorOf(superAdmin().dashboard.compareOrganization({ ...period, organizationId: "not-an-id" }))).code).toBe("BAD_REQUEST");
    const backwards = await errorOf(superAdmin().dashboard.platformSummary({ period: "custom", from: "2026-03-11", to: "2026-03-10" }));
    expect(backwards.code).toBe("BAD_REQUEST");
    expect(backwards.message).toContain("to");
    const noSuchDay = await errorOf(superAdmin().dashboard.platformSummary({ period: "custom", from: "2026-02-30", to: "2026-03-10" }));
    expect(noSuchDay.code).toBe("BAD_REQUEST");
    expect(noSuchDay.message).toContain("from");
  });
});
