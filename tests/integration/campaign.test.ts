import { TRPCError } from "@trpc/server";
import { beforeAll, describe, expect, it } from "vitest";
import { callerFor, createFixtures } from "../helpers/fixtures";
import type { Fixtures } from "../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../helpers/db";
import type { TestDatabase } from "../helpers/db";
import { weekdaySchedule } from "./access/campaign-data";

async function failure(promise: Promise<unknown>): Promise<TRPCError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TRPCError);
  return error as TRPCError;
}

describe.each(databaseKinds)("campaigns on %s", (kind) => {
  let database: TestDatabase;
  let f: Fixtures;
  let manager: ReturnType<typeof callerFor>;
  let counter = 0;

  async function newCampaign(withSchedule = true) {
    counter += 1;
    const campaign = await manager.campaign.create({ name: `Lifecycle ${counter}`, description: "", type: "service_reminder" });
    if (withSchedule) await manager.scheduleConfig.upsert({ campaignId: campaign.id, ...weekdaySchedule });
    return campaign;
  }

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    f = await createFixtures(database.db);
    manager = callerFor(database.db, f.sunriseManager);
  });

  it("creates a Draft campaign with its creator from the session, and refuses a second one with the same name on the name field", async () => {
    const campaign = await manager.campaign.create({ name: "Winter tires", description: "Swap before the snow", type: "recall" });
    const stored = await database.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } });
    expect(stored).toMatchObject({ status: "Draft", type: "recall", createdBy: f.sunriseManager.id, modifiedBy: f.sunriseManager.id, organizationId: f.sunrise.id });
    const error = await failure(manager.campaign.create({ name: "Winter tires", description: "", type: "recall" }));
    expect(error.code).toBe("CONFLICT");
    // The same name in another organization is fine.
    await expect(callerFor(database.db, f.bayviewAdmin).campaign.create({ name: "Winter tires", description: "", type: "recall" })).resolves.toBeTruthy();
  });

  it("refuses a name over 150 characters and an unknown type as BAD_REQUEST naming the field", async () => {
    const error = await failure(manager.campaign.create({ name: "x".repeat(151), description: "", type: "recall" }));
    expect(error.code).toBe("BAD_REQUEST");
    const typeError = await failure(manager.campaign.create({ name: "Odd", description: "", type: "telemarketing" as "recall" }));
    expect(typeError.code).toBe("BAD_REQUEST");
  });

  it.each([
    ["Draft", "Scheduled"],
    ["Draft", "Active"],
    ["Scheduled", "Active"],
    ["Active", "Paused"],
    ["Paused", "Active"],
    ["Active", "Completed"],
    ["Paused", "Completed"],
    ["Completed", "Archived"],
    ["Draft", "Archived"],
  ])("allows %s → %s", async (from, to) => {
    const campaign = await newCampaign();
    await database.db.campaign.update({ where: { id: campaign.id }, data: { status: from } });
    await expect(manager.campaign.setStatus({ id: campaign.id, status: to as "Active" })).resolves.toMatchObject({ status: to });
    const audit = await database.db.auditLog.findFirst({ where: { entity: "campaign", entityId: String(campaign.id) }, orderBy: { id: "desc" } });
    expect(audit).toMatchObject({ oldValue: { status: from }, newValue: { status: to }, userId: f.sunriseManager.id });
  });

  it.each([
    ["Draft", "Paused", "Scheduled, Active, Archived"],
    ["Draft", "Completed", "Scheduled, Active, Archived"],
    ["Scheduled", "Paused", "Active, Archived"],
    ["Completed", "Active", "Archived"],
    ["Archived", "Active", "cannot change status"],
    ["Active", "Draft", "Paused, Completed, Archived"],
  ])("refuses %s → %s, naming the allowed moves", async (from, to, allowed) => {
    const campaign = await newCampaign();
    await database.db.campaign.update({ where: { id: campaign.id }, data: { status: from } });
    const error = await failure(manager.campaign.setStatus({ id: campaign.id, status: to as "Active" }));
    expect(error.code).toBe("BAD_REQUEST");
    expect(error.message).toContain(allowed);
    expect((await database.db.campaign.findUniqueOrThrow({ where: { id: campaign.id } })).status).toBe(from);
  });

  it("cannot activate without a schedule", async () => {
    const campaign = await newCampaign(false);
    const error = await failure(manager.campaign.setStatus({ id: campaign.id, status: "Active" }));
    expect(error.message).toMatch(/schedule/);
  });

  it("cannot activate while the organization is past its credit limit (balance below −credit limit)", async () => {
    const campaign = await newCampaign();
    await database.db.organization.update({ where: { id: f.sunrise.id }, data: { creditBalance: "-200.01" } });
    const error = await failure(manager.campaign.setStatus({ id: campaign.id, status: "Active" }));
    expect(error.message).toMatch(/credit limit/);
    // Exactly at the limit is still allowed.
    await database.db.organization.update({ where: { id: f.sunrise.id }, data: { creditBalance: "-200.00" } });
    await expect(manager.campaign.setStatus({ id: campaign.id, status: "Active" })).resolves.toMatchObject({ status: "Active" });
    await database.db.organization.update({ where: { id: f.sunrise.id }, data: { creditBalance: "842.50" } });
  });

  it("lists campaigns with counts and booking rate computed per campaign, filtered and searched", async () => {
    const campaign = await manager.campaign.create({ name: "Counted campaign", description: "", type: "custom" });
    const organizationId = f.sunrise.id;
    const record = await database.db.serviceRecord.create({ data: { organizationId, campaignId: campaign.id, customerName: "Ann" } });
    await database.db.serviceRecord.create({ data: { organizationId, campaignId: campaign.id, customerName: "Bob" } });
    const connected = await database.db.call.create({ data: { organizationId, campaignId: campaign.id, serviceRecordId: record.id, status: "completed" } });
    await database.db.call.create({ data: { organizationId, campaignId: campaign.id, serviceRecordId: record.id, status: "completed" } });
    await database.db.call.create({ data: { organizationId, campaignId: campaign.id, serviceRecordId: record.id, status: "no_answer" } });
    await database.db.booking.create({ data: { organizationId, campaignId: campaign.id, serviceRecordId: record.id, callId: connected.id } });
    const [row] = await manager.campaign.list({ search: "counted" });
    expect(row).toMatchObject({ name: "Counted campaign", serviceRecords: 2, calls: 3, connectedCalls: 2, bookings: 1, bookingRate: 0.5 });
    expect(await manager.campaign.list({ status: "Archived", search: "counted" })).toEqual([]);
    const bayviewList = await callerFor(database.db, f.bayviewAdmin).campaign.list({});
    expect(bayviewList.map((item) => item.name)).not.toContain("Counted campaign");
  });
});
