import { beforeAll, describe, expect, it } from "vitest";
import { handleCallReport, handleClaim } from "@/server/api-v1/handlers";
import { releaseStaleClaims } from "@/server/services/dial-queue";
import { createFixtures } from "../../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../../helpers/db";
import type { TestDatabase } from "../../helpers/db";
import { apiRequest, createCampaign, createOrganization, mondayMorning } from "./voice-api-data";
import type { ClaimJson, TestOrganization } from "./voice-api-data";

const minutes = (count: number) => count * 60_000;

describe.each(databaseKinds)("the dial queue on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await createFixtures(database.db);
  });

  async function claim(organization: TestOrganization, limit: number, now = mondayMorning): Promise<ClaimJson> {
    const response = await handleClaim(database.db, apiRequest("POST", "/api/v1/dial-queue/claim", organization.key, { limit }), { now });
    expect(response.status).toBe(200);
    return (await response.json()) as ClaimJson;
  }

  const claimedRecords = (result: ClaimJson) => result.calls.map((call) => call.service.record_id).sort();

  async function previousCall(organizationId: string, campaignId: bigint, serviceRecordId: bigint, startTime: Date, status = "no_answer") {
    await database.db.call.create({ data: { organizationId, campaignId, serviceRecordId, status, direction: "outbound", startTime, createdAt: startTime } });
  }

  it("claims a record inside the window: a queued outbound call with the campaign, agent and customer context", async () => {
    const organization = await createOrganization(database.db);
    const campaign = await createCampaign(database.db, organization.id);
    const result = await claim(organization, 5);
    expect(result.blocked).toBeNull();
    expect(result.calls).toHaveLength(1);
    const [claimed] = result.calls;
    expect(claimed).toMatchObject({
      attempt: 1,
      campaign: { id: String(campaign.id) },
      agent: { id: String(organization.agentId), name: "Ava" },
      customer: { name: "Customer 1", phone: "+16145551000" },
      vehicle: { description: "2019 Honda Civic" },
      service: { record_id: String(campaign.recordIds[0]), type: "Oil change", appointment_date: "2026-12-03T14:00:00.000Z" },
    });
    const call = await database.db.call.findUniqueOrThrow({ where: { id: BigInt(claimed!.call_id) } });
    expect(call).toMatchObject({ organizationId: organization.id, status: "queued", direction: "outbound", serviceRecordId: campaign.recordIds[0], agentId: organization.agentId, customerNumber: "+16145551000" });
    const audit = await database.db.auditLog.findFirst({ where: { organizationId: organization.id, entity: "call", entityId: claimed!.call_id, action: "create" } });
    expect(audit?.apiKeyId).toBe(organization.keyId);
    // The record is now in flight: a second claim does not hand it out again.
    expect((await claim(organization, 5)).calls).toHaveLength(0);
  });

  it("gives nothing outside the campaign's windows", async () => {
    const organization = await createOrganization(database.db);
    await createCampaign(database.db, organization.id);
    expect((await claim(organization, 5, new Date("2026-11-30T17:30:00Z"))).calls).toHaveLength(0); // Monday 12:30 in New York
    expect((await claim(organization, 5, new Date("2026-12-01T15:00:00Z"))).calls).toHaveLength(0); // Tuesday: no window
  });

  it("reads the windows in the campaign's own time zone", async () => {
    const organization = await createOrganization(database.db);
    const tokyo = await createCampaign(database.db, organization.id, { schedule: { timezone: "Asia/Tokyo" } });
    await createCampaign(database.db, organization.id);
    // Monday 10:00 in Tokyo is Sunday 20:00 in New York.
    const result = await claim(organization, 5, new Date("2026-11-30T01:00:00Z"));
    expect(claimedRecords(result)).toEqual([String(tokyo.recordIds[0])]);
  });

  it("never hands out a do-not-call record", async () => {
    const organization = await createOrganization(database.db);
    const campaign = await createCampaign(database.db, organization.id, { records: 2 });
    await database.db.serviceRecord.update({ where: { id: campaign.recordIds[0] }, data: { doNotCall: true } });
    expect(claimedRecords(await claim(organization, 5))).toEqual([String(campaign.recordIds[1])]);
  });

  it("stops at the schedule's maxAttempts", async () => {
    const organization = await createOrganization(database.db);
    const campaign = await createCampaign(database.db, organization.id, { records: 2, schedule: { maxAttempts: 2 } });
    const [spent, oneLeft] = campaign.recordIds as [bigint, bigint];
    const yesterday = new Date(mondayMorning.getTime() - minutes(24 * 60));
    await previousCall(organization.id, campaign.id, spent, yesterday);
    await previousCall(organization.id, campaign.id, spent, yesterday);
    await previousCall(organization.id, campaign.id, oneLeft, yesterday);
    const result = await claim(organization, 5);
    expect(claimedRecords(result)).toEqual([String(oneLeft)]);
    expect(result.calls[0]?.attempt).toBe(2);
  });

  it("hands out the fewest-attempted records first, then the nearest appointment (none last), then the oldest record", async () => {
    const organization = await createOrganization(database.db);
    const campaign = await createCampaign(database.db, organization.id, { records: 5, schedule: { retryDelayMinutes: 60 } });
    const [calledOnce, later, sooner, noDate, sameAsSooner] = campaign.recordIds as [bigint, bigint, bigint, bigint, bigint];
    const appointment = (id: bigint, iso: string | null) => database.db.serviceRecord.update({ where: { id }, data: { appointmentDate: iso ? new Date(iso) : null } });
    await appointment(calledOnce, "2026-12-01T14:00:00Z");
    await appointment(later, "2026-12-10T14:00:00Z");
    await appointment(sooner, "2026-12-02T14:00:00Z");
    await appointment(noDate, null);
    await appointment(sameAsSooner, "2026-12-02T14:00:00Z");
    await previousCall(organization.id, campaign.id, calledOnce, new Date(mondayMorning.getTime() - minutes(24 * 60)));
    const order: string[] = [];
    for (let index = 0; index < 5; index += 1) order.push(...claimedRecords(await claim(organization, 1)));
    expect(order).toEqual([sooner, sameAsSooner, later, noDate, calledOnce].map(String));
  });

  it("keeps each record's attempt count and last attempt in step with its calls, however they are written", async () => {
    const organization = await createOrganization(database.db);
    const campaign = await createCampaign(database.db, organization.id, { records: 2 });
    const [first, second] = campaign.recordIds as [bigint, bigint];
    const counters = async (id: bigint) => {
      const record = await database.db.serviceRecord.findUniqueOrThrow({ where: { id }, select: { outboundAttempts: true, lastAttemptAt: true } });
      return { attempts: record.outboundAttempts, last: record.lastAttemptAt?.toISOString() ?? null };
    };
    const [claimed] = (await claim(organization, 1)).calls;
    expect(claimed?.service.record_id).toBe(String(first));
    expect(await counters(first)).toEqual({ attempts: 1, last: mondayMorning.toISOString() });
    // The report's start time becomes the last attempt; an inbound call is no attempt.
    const startTime = new Date(mondayMorning.getTime() + minutes(1));
    const report = { status: "no_answer", start_time: startTime.toISOString(), end_time: new Date(startTime.getTime() + 30_000).toISOString() };
    expect((await handleCallReport(database.db, apiRequest("PUT", `/api/v1/calls/${claimed!.call_id}`, organization.key, report), claimed!.call_id)).status).toBe(200);
    await database.db.call.create({ data: { organizationId: organization.id, serviceRecordId: first, direction: "inbound", status: "completed", startTime: new Date(mondayMorning.getTime() + minutes(30)) } });
    expect(await counters(first)).toEqual({ attempts: 1, last: startTime.toISOString() });
    // Several calls in one statement, a call moved to another record, a call deleted.
    const earlier = new Date(mondayMorning.getTime() - minutes(300));
    await database.db.call.createMany({
      data: [minutes(200), minutes(100)].map((ago) => ({ organizationId: organization.id, serviceRecordId: second, direction: "outbound", status: "busy", startTime: new Date(mondayMorning.getTime() - ago) })),
    });
    expect(await counters(second)).toEqual({ attempts: 2, last: new Date(mondayMorning.getTime() - minutes(100)).toISOString() });
    await database.db.call.update({ where: { id: BigInt(claimed!.call_id) }, data: { serviceRecordId: second } });
    expect(await counters(first)).toEqual({ attempts: 0, last: null });
    expect(await counters(second)).toEqual({ attempts: 3, last: startTime.toISOString() });
    await database.db.call.update({ where: { id: BigInt(claimed!.call_id) }, data: { startTime: earlier } });
    expect(await counters(second)).toEqual({ attempts: 3, last: new Date(mondayMorning.getTime() - minutes(100)).toISOString() });
    await database.db.call.deleteMany({ where: { serviceRecordId: second, status: "busy" } });
    expect(await counters(second)).toEqual({ attempts: 1, last: earlier.toISOString() });
  });

  it("waits the retry delay after the last attempt", async () => {
    const organization = await createOrganization(database.db);
    const campaign = await createCampaign(database.db, organization.id, { records: 2, schedule: { retryDelayMinutes: 60 } });
    const [recent, earlier] = campaign.recordIds as [bigint, bigint];
    await previousCall(organization.id, campaign.id, recent, new Date(mondayMorning.getTime() - minutes(30)));
    await previousCall(organization.id, campaign.id, earlier, new Date(mondayMorning.getTime() - minutes(90)));
    expect(claimedRecords(await claim(organization, 5))).toEqual([String(earlier)]);
  });

  it("skips records with an open booking", async () => {
    const organization = await createOrganization(database.db);
    const campaign = await createCampaign(database.db, organization.id, { records: 2 });
    const [booked, cancelled] = campaign.recordIds as [bigint, bigint];
    await database.db.booking.create({ data: { organizationId: organization.id, serviceRecordId: booked, campaignId: campaign.id, status: "Confirmed" } });
    await database.db.booking.create({ data: { organizationId: organization.id, serviceRecordId: cancelled, campaignId: campaign.id, status: "Cancelled" } });
    expect(claimedRecords(await claim(organization, 5))).toEqual([String(cancelled)]);
  });

  it("gives nothing to an organization past its credit limit", async () => {
    const organization = await createOrganization(database.db, { creditBalance: "-200.01" }); // Growth: limit 200
    await createCampaign(database.db, organization.id);
    expect(await claim(organization, 5)).toEqual({ calls: [], blocked: "credit_limit" });
    await database.db.organization.update({ where: { id: organization.id }, data: { creditBalance: "-200.00" } });
    expect((await claim(organization, 5)).calls).toHaveLength(1);
  });

  it("keeps calls in flight below the campaign's concurrency", async () => {
    const organization = await createOrganization(database.db);
    await createCampaign(database.db, organization.id, { records: 5, schedule: { concurrency: 2 } });
    const first = await claim(organization, 10);
    expect(first.calls).toHaveLength(2);
    expect((await claim(organization, 10)).calls).toHaveLength(0);
    const finished = await handleCallReport(database.db, apiRequest("PUT", `/api/v1/calls/${first.calls[0]!.call_id}`, organization.key, { status: "no_answer" }), first.calls[0]!.call_id);
    expect(finished.status).toBe(200);
    expect((await claim(organization, 10)).calls).toHaveLength(1);
  });

  it("keeps calls in flight below the organization's call_concurrency_limit across campaigns", async () => {
    const organization = await createOrganization(database.db, { callConcurrencyLimit: 3 });
    await createCampaign(database.db, organization.id, { records: 4, schedule: { concurrency: 2 } });
    await createCampaign(database.db, organization.id, { records: 4, schedule: { concurrency: 2 } });
    const result = await claim(organization, 10);
    expect(result.calls).toHaveLength(3);
    expect(new Set(result.calls.map((call) => call.campaign.id)).size).toBe(2);
    expect((await claim(organization, 10)).calls).toHaveLength(0);
  });

  it("gives nothing from paused or draft campaigns", async () => {
    const organization = await createOrganization(database.db);
    await createCampaign(database.db, organization.id, { status: "Paused" });
    await createCampaign(database.db, organization.id, { status: "Draft" });
    expect((await claim(organization, 5)).calls).toHaveLength(0);
  });

  it("activates a Scheduled campaign once its start date has come, and not before", async () => {
    const organization = await createOrganization(database.db);
    const due = await createCampaign(database.db, organization.id, { status: "Scheduled", schedule: { startDate: "2026-11-30" } });
    const later = await createCampaign(database.db, organization.id, { status: "Scheduled", schedule: { startDate: "2026-12-07" } });
    expect(claimedRecords(await claim(organization, 5))).toEqual([String(due.recordIds[0])]);
    expect((await database.db.campaign.findUniqueOrThrow({ where: { id: due.id } })).status).toBe("Active");
    expect((await database.db.campaign.findUniqueOrThrow({ where: { id: later.id } })).status).toBe("Scheduled");
  });

  it("releases a claim with no report after 15 minutes as failed, and counts it as an attempt", async () => {
    const organization = await createOrganization(database.db);
    await createCampaign(database.db, organization.id, { schedule: { maxAttempts: 2, retryDelayMinutes: 0 } });
    const [claimed] = (await claim(organization, 1)).calls;
    const actor = { organizationId: organization.id, apiKeyId: organization.keyId };
    expect(await releaseStaleClaims(database.db, actor, new Date(mondayMorning.getTime() + minutes(14)))).toEqual([]);
    expect(await releaseStaleClaims(database.db, actor, new Date(mondayMorning.getTime() + minutes(16)))).toEqual([BigInt(claimed!.call_id)]);
    expect((await database.db.call.findUniqueOrThrow({ where: { id: BigInt(claimed!.call_id) } })).status).toBe("failed");
    // Released lazily at claim time too: the second (last) attempt comes out, and then nothing.
    const [second] = (await claim(organization, 1, new Date(mondayMorning.getTime() + minutes(17)))).calls;
    expect(second?.attempt).toBe(2);
    expect((await claim(organization, 1, new Date(mondayMorning.getTime() + minutes(40)))).calls).toHaveLength(0);
    expect((await database.db.call.findUniqueOrThrow({ where: { id: BigInt(second!.call_id) } })).status).toBe("failed");
  });

  it.skipIf(kind === "pglite")("never gives two concurrent claimers the same record (PostgreSQL only: PGlite serves one connection, so claims are serial there)", async () => {
    const organization = await createOrganization(database.db, { callConcurrencyLimit: 40 });
    await createCampaign(database.db, organization.id, { records: 24, schedule: { concurrency: 40 } });
    const results = await Promise.all(Array.from({ length: 6 }, () => claim(organization, 5)));
    const records = results.flatMap(claimedRecords);
    expect(records).toHaveLength(24);
    expect(new Set(records).size).toBe(24);
  });

  it.skipIf(kind === "pglite")("holds the concurrency caps when claimers race (PostgreSQL only: PGlite serves one connection)", async () => {
    const organization = await createOrganization(database.db, { callConcurrencyLimit: 7 });
    await createCampaign(database.db, organization.id, { records: 12, schedule: { concurrency: 10 } });
    const results = await Promise.all(Array.from({ length: 6 }, () => claim(organization, 3)));
    expect(results.flatMap(claimedRecords)).toHaveLength(7);
  });
});
