import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";
import { errorOf } from "../helpers/errors";
import { buildMetricsDataSet, knownPeriod } from "../helpers/metrics-data";

const period = knownPeriod;

describe.each(databaseKinds)("dashboard on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;
  let campaigns: Awaited<ReturnType<typeof buildMetricsDataSet>>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
    campaigns = await buildMetricsDataSet(database, f);
  });

  it("computes every metric of the period exactly, with day boundaries in the organization's time zone", async () => {
    const summary = await callerFor(database.db, f.sunriseManager).dashboard.summary(period);
    expect(summary.timeZone).toBe("America/New_York");
    expect(summary.metrics).toMatchObject({
      attempted: 4,
      connected: 3,
      booked: 2,
      showed: 1,
      serviceCompleted: 1,
      connectRate: 0.75,
      showRate: 0.5,
      averageDurationSec: 140,
      averageRating: 3,
      ratedRecords: 2,
      callsPerDay: 2,
    });
    expect(summary.metrics.bookingRate).toBeCloseTo(2 / 3, 10);
    expect(summary.metrics.creditsDebited.toFixed(2)).toBe("1.50");
    expect(summary.metrics.costPerBooking?.toFixed(2)).toBe("0.75");
    expect(summary.bookingsByCampaign.map((row) => [row.name, row.booked])).toEqual([
      ["Airbag recall", 1],
      ["Oil change reminders", 1],
    ]);
  });

  it("narrows every figure to one campaign", async () => {
    const summary = await callerFor(database.db, f.sunriseManager).dashboard.summary({ ...period, campaignId: campaigns.oilChange.id });
    expect(summary.metrics).toMatchObject({ attempted: 2, connected: 1, booked: 1, showRate: 1, averageRating: 4, connectRate: 0.5, bookingRate: 1 });
    expect(summary.metrics.creditsDebited.toFixed(2)).toBe("0.50");
  });

  it("gives zeros and no rates for an empty period", async () => {
    const summary = await callerFor(database.db, f.sunriseAdmin).dashboard.summary({ period: "custom", from: "2025-01-01", to: "2025-01-07" });
    expect(summary.metrics).toMatchObject({ attempted: 0, connected: 0, booked: 0, connectRate: null, bookingRate: null, showRate: null, averageDurationSec: null, averageRating: null, costPerBooking: null });
    const series = await callerFor(database.db, f.sunriseAdmin).dashboard.timeseries({ period: "custom", from: "2025-01-01", to: "2025-01-07" });
    expect(series.days).toHaveLength(7);
    expect(series.days.every((day) => day.total === 0)).toBe(true);
  });

  it("counts calls per local day by status", async () => {
    const series = await callerFor(database.db, f.sunriseManager).dashboard.timeseries(period);
    expect(series.days).toEqual([
      { day: "2026-03-10", total: 2, byStatus: { completed: 2 } },
      { day: "2026-03-11", total: 2, byStatus: { completed: 1, no_answer: 1 } },
    ]);
  });

  it("compares with the previous period of the same length", async () => {
    const summary = await callerFor(database.db, f.sunriseManager).dashboard.summary(period);
    // 2026-03-08..09 holds only the call at 23:30 local on the 9th.
    expect(summary.previous).toMatchObject({ attempted: 1, connected: 1, booked: 0 });
  });

  it("never shows another organization's figures, nor accepts its campaign ids", async () => {
    const bayview = await callerFor(database.db, f.bayviewAdmin).dashboard.summary(period);
    expect(bayview.metrics).toMatchObject({ attempted: 1, connected: 1, averageDurationSec: 500, booked: 0 });
    expect(bayview.campaigns).toEqual([]);
    const error = await errorOf(callerFor(database.db, f.bayviewAdmin).dashboard.summary({ ...period, campaignId: campaigns.oilChange.id }));
    expect(error.code).toBe("NOT_FOUND");
  });

  it("rejects a custom period without days or running backwards", async () => {
    const error = await errorOf(callerFor(database.db, f.sunriseManager).dashboard.summary({ period: "custom", from: "2026-03-11", to: "2026-03-10" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain("to");
  });
});
