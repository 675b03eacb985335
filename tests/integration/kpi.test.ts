import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";
import { errorOf } from "../helpers/errors";
import { buildMetricsDataSet, knownPeriod } from "../helpers/metrics-data";

describe.each(databaseKinds)("KPIs on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;
  let campaigns: Awaited<ReturnType<typeof buildMetricsDataSet>>;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
    campaigns = await buildMetricsDataSet(database, f);
    await database.db.kpi.createMany({
      data: [
        { organizationId: f.sunrise.id, name: "connect_rate", type: "Core", metric: "connect_rate", unit: "%", targetValue: "80.00" },
        { organizationId: f.sunrise.id, name: "cost_per_booking", type: "Core", metric: "cost_per_booking", unit: "$", targetValue: "1.00", higherIsBetter: false },
        { organizationId: f.bayview.id, name: "connect_rate", type: "Core", metric: "connect_rate", unit: "%", targetValue: "10.00" },
      ],
    });
  });

  it("measures core KPIs from the data and marks the ones off target", async () => {
    const { kpis } = await callerFor(database.db, f.sunriseManager).kpi.list(knownPeriod);
    const byName = new Map(kpis.map((kpi) => [kpi.name, kpi]));
    expect(byName.get("connect_rate")).toMatchObject({ actual: 75, status: "off_target" });
    // 1.50 debited for 2 bookings: 0.75 a booking, under the 1.00 ceiling.
    expect(byName.get("cost_per_booking")).toMatchObject({ actual: 0.75, status: "on_target" });
    expect(kpis.every((kpi) => kpi.name !== "Bayview only")).toBe(true);
    expect(kpis).toHaveLength(2);
  });

  it("lets an Admin define a custom KPI over one campaign, measured with that filter", async () => {
    const kpi = await callerFor(database.db, f.sunriseAdmin).kpi.create({
      name: "Oil change booking rate",
      metric: "booking_rate",
      filter: { campaignId: String(campaigns.oilChange.id) },
      unit: "%",
      targetValue: "90.00",
    });
    expect(kpi.type).toBe("Custom");
    const { kpis } = await callerFor(database.db, f.sunriseManager).kpi.list(knownPeriod);
    expect(kpis.find((row) => row.id === kpi.id)).toMatchObject({ actual: 100, status: "on_target" });
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { entity: "kpi", entityId: String(kpi.id), action: "create" } });
    expect(audit.organizationId).toBe(f.sunrise.id);
  });

  it("takes manual values per period", async () => {
    const kpi = await callerFor(database.db, f.sunriseAdmin).kpi.create({ name: "Recall completion", metric: "manual", unit: "%", targetValue: "70" });
    await callerFor(database.db, f.sunriseAdmin).kpi.setValue({ kpiId: kpi.id, periodStart: "2026-03-10", periodEnd: "2026-03-11", value: "64.50" });
    const { kpis } = await callerFor(database.db, f.sunriseManager).kpi.list(knownPeriod);
    expect(kpis.find((row) => row.id === kpi.id)).toMatchObject({ actual: 64.5, status: "off_target" });
    const measured = kpis.find((row) => row.name === "connect_rate")!;
    const error = await errorOf(callerFor(database.db, f.sunriseAdmin).kpi.setValue({ kpiId: measured.id, periodStart: "2026-03-10", periodEnd: "2026-03-11", value: "1" }));
    expect(error.code).toBe("BAD_REQUEST");
  });

  it("lets core KPIs change their target but not their definition, and never be deleted", async () => {
    const core = (await callerFor(database.db, f.sunriseAdmin).kpi.list(knownPeriod)).kpis.find((kpi) => kpi.name === "connect_rate")!;
    const updated = await callerFor(database.db, f.sunriseAdmin).kpi.update({ id: core.id, targetValue: "70.00" });
    expect(updated.targetValue?.toString()).toBe("70");
    expect((await errorOf(callerFor(database.db, f.sunriseAdmin).kpi.update({ id: core.id, metric: "show_rate" }))).code).toBe("BAD_REQUEST");
    expect((await errorOf(callerFor(database.db, f.sunriseAdmin).kpi.delete({ id: core.id }))).code).toBe("BAD_REQUEST");
    const audit = await database.db.auditLog.findFirstOrThrow({ where: { entity: "kpi", entityId: String(core.id), action: "update" } });
    expect(audit.oldValue).toMatchObject({ targetValue: "80" });
    expect(audit.newValue).toMatchObject({ targetValue: "70" });
  });

  it("refuses Managers, other organizations' campaigns and taken names", async () => {
    expect((await errorOf(callerFor(database.db, f.sunriseManager).kpi.create({ name: "Mine", metric: "show_rate", targetValue: "" }))).code).toBe("FORBIDDEN");
    const foreign = await errorOf(callerFor(database.db, f.bayviewAdmin).kpi.create({ name: "Spy", metric: "show_rate", filter: { campaignId: String(campaigns.oilChange.id) }, targetValue: "" }));
    expect(foreign.code).toBe("NOT_FOUND");
    const taken = await errorOf(callerFor(database.db, f.sunriseAdmin).kpi.create({ name: "connect_rate", metric: "show_rate", targetValue: "" }));
    expect(taken.code).toBe("CONFLICT");
    const sunriseKpi = (await callerFor(database.db, f.sunriseAdmin).kpi.list(knownPeriod)).kpis[0]!;
    expect((await errorOf(callerFor(database.db, f.bayviewAdmin).kpi.history({ id: sunriseKpi.id }))).code).toBe("NOT_FOUND");
  });

  it("gives 12 weeks of history for a KPI", async () => {
    const core = (await callerFor(database.db, f.sunriseManager).kpi.list(knownPeriod)).kpis[0]!;
    const history = await callerFor(database.db, f.sunriseManager).kpi.history({ id: core.id });
    expect(history.weeks).toHaveLength(12);
    expect(history.weeks.at(-1)!.to > history.weeks[0]!.from).toBe(true);
  });
});
