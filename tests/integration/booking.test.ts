import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import { errorOf } from "../helpers/errors";
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

  it("reschedules and relinks a booking, writes the old and new values to the audit log, and keeps the call it came from", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    const [first, second] = await Promise.all([manager.campaign.create({ name: "Reschedule from", description: "", type: "recall" }), manager.campaign.create({ name: "Reschedule to", description: "", type: "custom" })]);
    const record = await manager.serviceRecord.create({ customerName: "Rescheduled Customer", campaignId: String(first.id) });
    const call = await database.db.call.create({ data: { organizationId: f.sunrise.id, serviceRecordId: record.id, campaignId: first.id } });
    const booking = await manager.booking.create({ serviceRecordId: record.id, callId: call.id, scheduledTime: new Date("2026-12-02T15:30:00Z") });

    const updated = await manager.booking.update({ id: String(booking.id), expectedUpdatedAt: booking.updatedAt, scheduledTime: new Date("2026-12-04T19:00:00Z"), campaignId: String(second.id) });
    expect(updated).toMatchObject({ scheduledTime: new Date("2026-12-04T19:00:00Z"), campaign: { id: second.id, name: "Reschedule to" }, call: { id: call.id }, serviceRecord: { id: record.id }, status: "Pending" });
    expect(updated.updatedAt.getTime()).toBeGreaterThan(booking.updatedAt.getTime());
    expect(await manager.booking.byId({ id: String(booking.id) })).toEqual(updated);

    const audit = await database.db.auditLog.findFirstOrThrow({ where: { entity: "booking", entityId: String(booking.id), action: "update" }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({
      organizationId: f.sunrise.id,
      userId: f.sunriseManager.id,
      oldValue: { scheduledTime: "2026-12-02T15:30:00.000Z", campaignId: String(first.id) },
      newValue: { scheduledTime: "2026-12-04T19:00:00.000Z", campaignId: String(second.id) },
    });

    const unlinked = await manager.booking.update({ id: booking.id, expectedUpdatedAt: updated.updatedAt, scheduledTime: updated.scheduledTime!, campaignId: "" });
    expect(unlinked).toMatchObject({ campaignId: null, callId: call.id });
  });

  it("refuses a save made on a stale copy with CONFLICT and leaves the booking as the other editor saved it", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    const admin = callerFor(database.db, f.sunriseAdmin);
    const record = await manager.serviceRecord.create({ customerName: "Contested Customer" });
    const booking = await manager.booking.create({ serviceRecordId: record.id, scheduledTime: new Date("2026-12-02T15:30:00Z") });
    const openedWith = booking.updatedAt;
    const adminVersion = await admin.booking.update({ id: booking.id, expectedUpdatedAt: openedWith, scheduledTime: new Date("2026-12-03T15:30:00Z") });
    const auditRows = () => database.db.auditLog.count({ where: { entity: "booking", entityId: String(booking.id) } });
    const auditBefore = await auditRows();

    const error = await errorOf(manager.booking.update({ id: booking.id, expectedUpdatedAt: openedWith, scheduledTime: new Date("2026-12-09T15:30:00Z") }));
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toMatch(/^Someone else changed this booking since you opened it/);
    const row = await database.db.booking.findUniqueOrThrow({ where: { id: booking.id } });
    expect(row).toMatchObject({ scheduledTime: new Date("2026-12-03T15:30:00Z"), updatedAt: adminVersion.updatedAt, modifiedBy: f.sunriseAdmin.id });
    expect(await auditRows()).toBe(auditBefore);

    // A status change is a change too: a form opened before it is stale.
    const confirmed = await admin.booking.setStatus({ id: booking.id, status: "Confirmed" });
    expect(confirmed.updatedAt.getTime()).toBeGreaterThan(adminVersion.updatedAt.getTime());
    await expect(manager.booking.update({ id: booking.id, expectedUpdatedAt: adminVersion.updatedAt, scheduledTime: new Date("2026-12-10T15:30:00Z") })).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(manager.booking.update({ id: booking.id, expectedUpdatedAt: confirmed.updatedAt, scheduledTime: new Date("2026-12-10T15:30:00Z") })).resolves.toMatchObject({ status: "Confirmed" });
  });

  it("lets exactly one of two simultaneous saves of the same version win", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    const admin = callerFor(database.db, f.sunriseAdmin);
    const record = await manager.serviceRecord.create({ customerName: "Raced Customer" });
    const booking = await manager.booking.create({ serviceRecordId: record.id, scheduledTime: new Date("2026-12-02T15:30:00Z") });
    const times = [new Date("2026-12-05T14:00:00Z"), new Date("2026-12-06T14:00:00Z")];
    const results = await Promise.allSettled(
      [manager, admin].map((caller, index) => caller.booking.update({ id: booking.id, expectedUpdatedAt: booking.updatedAt, scheduledTime: times[index]! })),
    );
    const won = results.flatMap((result) => (result.status === "fulfilled" ? [result.value] : []));
    const lost = results.flatMap((result) => (result.status === "rejected" ? [result.reason as { code: string }] : []));
    expect(won).toHaveLength(1);
    expect(lost.map((reason) => reason.code)).toEqual(["CONFLICT"]);
    expect((await database.db.booking.findUniqueOrThrow({ where: { id: booking.id } })).scheduledTime).toEqual(won[0]!.scheduledTime);
  });

  it("answers NOT_FOUND for another organization's booking, and for a foreign campaign in one's own, changing nothing", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    const bayviewRecord = await database.db.serviceRecord.create({ data: { organizationId: f.bayview.id, customerName: "Bayview Booked" } });
    const bayviewBooking = await database.db.booking.create({ data: { organizationId: f.bayview.id, serviceRecordId: bayviewRecord.id, scheduledTime: new Date("2026-12-02T15:30:00Z") } });
    const bayviewCampaign = await database.db.campaign.create({ data: { organizationId: f.bayview.id, name: "Bayview only" } });
    const scheduledTime = new Date("2026-12-08T15:30:00Z");
    await expect(manager.booking.update({ id: bayviewBooking.id, expectedUpdatedAt: bayviewBooking.updatedAt, scheduledTime })).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(manager.booking.byId({ id: String(bayviewBooking.id) })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await database.db.booking.findUniqueOrThrow({ where: { id: bayviewBooking.id } })).toEqual(bayviewBooking);

    const own = await manager.booking.create({ serviceRecordId: (await manager.serviceRecord.create({ customerName: "Own Booked" })).id, scheduledTime: new Date("2026-12-02T15:30:00Z") });
    await expect(manager.booking.update({ id: own.id, expectedUpdatedAt: own.updatedAt, scheduledTime, campaignId: bayviewCampaign.id })).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await database.db.booking.findUniqueOrThrow({ where: { id: own.id } })).toMatchObject({ scheduledTime: own.scheduledTime, campaignId: null, updatedAt: own.updatedAt });
  });

  it("refuses a booking update without a time, with the field named", async () => {
    const manager = callerFor(database.db, f.sunriseManager);
    const error = await errorOf(manager.booking.update({ id: "1", scheduledTime: "not a date" as unknown as Date }));
    expect(error.code).toBe("BAD_REQUEST");
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
