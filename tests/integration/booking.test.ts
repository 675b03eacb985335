import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";

describe.each(databaseKinds)("bookings and inquiries on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
  });

  it("books a record with its campaign by default, and lists it in its week only", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    const campaign = await manager.campaign.create({ name: "Bookable", description: "", type: "recall" });
    const record = await manager.serviceRecord.create({ customerName: "Booked Customer", customerPhone: "614 555 0111", campaignId: String(campaign.id) });
    const booking = await manager.booking.create({ serviceRecordId: record.id, scheduledTime: new Date("2026-12-02T15:30:00Z"), status: "Confirmed" });
    expect(booking).toMatchObject({ campaignId: campaign.id, serviceRecordId: record.id, status: "Confirmed" });
    const week = await manager.booking.list({ from: new Date("2026-11-30T05:00:00Z"), to: new Date("2026-12-07T05:00:00Z") });
    expect(week.map((item) => item.serviceRecord?.customerName)).toContain("Booked Customer");
    expect(await manager.booking.list({ from: new Date("2026-12-07T05:00:00Z"), to: new Date("2026-12-14T05:00:00Z") })).toEqual([]);
    await expect(manager.booking.setStatus({ id: booking.id, status: "Completed" })).resolves.toMatchObject({ status: "Completed" });
  });

  it("refuses another organization's call, campaign or record id in a booking of one's own", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    const own = await manager.serviceRecord.create({ customerName: "Own Customer" });
    const foreignRecord = await database.db.serviceRecord.create({ data: { organizationId: f.bayview.id, customerName: "Bayview Customer" } });
    const foreignCall = await database.db.call.create({ data: { organizationId: f.bayview.id, serviceRecordId: foreignRecord.id } });
    const foreignCampaign = await database.db.campaign.create({ data: { organizationId: f.bayview.id, name: "Bayview campaign" } });
    const scheduledTime = new Date("2026-12-02T15:30:00Z");
    await expect(manager.booking.create({ serviceRecordId: own.id, callId: foreignCall.id, scheduledTime })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(manager.booking.create({ serviceRecordId: own.id, campaignId: foreignCampaign.id, scheduledTime })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(manager.booking.create({ serviceRecordId: foreignRecord.id, scheduledTime })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await database.db.booking.count({ where: { serviceRecordId: own.id } })).toBe(0);
  });

  it("refuses to delete a record with calls, naming the count and the alternative", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    const record = await manager.serviceRecord.create({ customerName: "Called Customer" });
    await database.db.call.createMany({ data: [{ organizationId: f.sunrise.id, serviceRecordId: record.id }, { organizationId: f.sunrise.id, serviceRecordId: record.id }] });
    await expect(manager.serviceRecord.delete({ id: record.id })).rejects.toMatchObject({ code: "CONFLICT", message: "This record has 2 calls; mark it do-not-call instead." });
  });

  it("converts an inquiry into a service record and resolves it in one step", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    const inquiry = await manager.inquiry.create({ customerName: "Walk In", email: "", phone: "(614) 555-0188", message: "Check engine light" });
    const { serviceRecordId } = await manager.inquiry.convertToServiceRecord({ id: inquiry.id, vehicleInfo: "2014 Jeep", serviceType: "Diagnostics" });
    expect(await database.db.serviceRecord.findUniqueOrThrow({ where: { id: serviceRecordId } })).toMatchObject({
      organizationId: f.sunrise.id,
      customerName: "Walk In",
      customerPhone: "+16145550188",
      vehicleInfo: "2014 Jeep",
      feedback: "Check engine light",
    });
    expect((await database.db.inquiry.findUniqueOrThrow({ where: { id: inquiry.id } })).status).toBe("Resolved");
    const newOnes = await manager.inquiry.list({ status: "New" });
    expect(newOnes.items.map((item) => item.id)).not.toContain(inquiry.id);
  });

  it("asks an inquiry for a way to answer", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    await expect(manager.inquiry.create({ customerName: "Nobody", email: "", phone: "", message: "" })).rejects.toMatchObject({ code: "BAD_REQUEST" });
  });
});
