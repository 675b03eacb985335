import { beforeAll, describe, expect, it } from "vitest";
import { handleCallReport, handleClaim, handleInboundCall } from "@/server/api-v1/handlers";
import { createFixtures } from "../../helpers/fixtures";
import { createTestDatabase, databaseKinds } from "../../helpers/db";
import type { TestDatabase } from "../../helpers/db";
import { apiRequest, createCampaign, createOrganization, mondayMorning } from "./voice-api-data";
import type { ClaimJson, TestOrganization } from "./voice-api-data";

type CallJson = { id: string; status: string; outcome: string | null; duration_sec: number | null; transcript_turns: number; booking: { scheduled_time: string; status: string } | null; credits_debited: string | null; direction: string; external_id: string | null };
type ErrorJson = { error: { code: string; message: string; fields?: Record<string, string[]> } };

const finishedReport = {
  status: "completed",
  start_time: "2026-11-30T15:00:10Z",
  end_time: "2026-11-30T15:02:15Z",
  duration_sec: 125,
  outcome: "booked",
  transcript: [
    { role: "assistant", content: "Hi, this is Ava from Sunrise Motors. Your Civic is due for an oil change.", timestamp: "2026-11-30T15:00:12Z" },
    { role: "user", content: "Thursday morning works.", timestamp: "2026-11-30T15:00:40Z" },
    { role: "assistant", content: "Booked for Thursday at 9.", timestamp: "2026-11-30T15:01:00Z" },
  ],
  booking: { scheduled_time: "2026-12-03T14:00:00Z" },
};

describe.each(databaseKinds)("call reports on %s", (kind) => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    await createFixtures(database.db);
  });

  async function claimOne(organization: TestOrganization, schedule = {}) {
    const campaign = await createCampaign(database.db, organization.id, { schedule });
    const response = await handleClaim(database.db, apiRequest("POST", "/api/v1/dial-queue/claim", organization.key, { limit: 1 }), { now: mondayMorning });
    const { calls } = (await response.json()) as ClaimJson;
    return { callId: calls[0]!.call_id, recordId: campaign.recordIds[0]! };
  }

  const report = (organization: TestOrganization, callId: string, body: unknown) => handleCallReport(database.db, apiRequest("PUT", `/api/v1/calls/${callId}`, organization.key, body), callId);

  const balanceOf = async (organizationId: string) => (await database.db.organization.findUniqueOrThrow({ where: { id: organizationId } })).creditBalance.toFixed(2);

  it("stores progress, then the result with transcript and booking, and debits started minutes × the rate once", async () => {
    const organization = await createOrganization(database.db, { creditBalance: "10.00" });
    const { callId, recordId } = await claimOne(organization);
    const ringing = await report(organization, callId, { status: "ringing" });
    expect(ringing.status).toBe(200);
    expect(((await ringing.json()) as CallJson).status).toBe("ringing");

    const first = await report(organization, callId, finishedReport);
    expect(first.status).toBe(200);
    const stored = (await first.json()) as CallJson;
    expect(stored).toMatchObject({ status: "completed", outcome: "booked", duration_sec: 125, transcript_turns: 3, booking: { scheduled_time: "2026-12-03T14:00:00.000Z", status: "Pending" }, credits_debited: "0.54" });
    // 125 s = 3 started minutes × 0.18 (Growth).
    expect(await balanceOf(organization.id)).toBe("9.46");
    const record = await database.db.serviceRecord.findUniqueOrThrow({ where: { id: recordId } });
    expect(record.status).toBe("Booked");
    const debitAudit = await database.db.auditLog.findFirst({ where: { organizationId: organization.id, entity: "credit" } });
    expect(debitAudit?.apiKeyId).toBe(organization.keyId);
  });

  it("is idempotent: the same report twice leaves the same state, one debit, one set of turns, one booking", async () => {
    const organization = await createOrganization(database.db, { creditBalance: "10.00" });
    const { callId } = await claimOne(organization);
    const first = (await (await report(organization, callId, finishedReport)).json()) as CallJson;
    const auditRows = await database.db.auditLog.count({ where: { organizationId: organization.id } });
    const second = await report(organization, callId, finishedReport);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual(first);
    expect(await database.db.auditLog.count({ where: { organizationId: organization.id } })).toBe(auditRows);
    expect(await database.db.transcript.count({ where: { callId: BigInt(callId) } })).toBe(3);
    expect(await database.db.booking.count({ where: { callId: BigInt(callId) } })).toBe(1);
    expect(await database.db.creditTransaction.count({ where: { callId: BigInt(callId), kind: "call_debit" } })).toBe(1);
    expect(await balanceOf(organization.id)).toBe("9.46");
    // A corrected duration later does not debit again; a late progress report does not reopen the call.
    await report(organization, callId, { ...finishedReport, duration_sec: 400 });
    const late = (await (await report(organization, callId, { status: "in_progress" })).json()) as CallJson;
    expect(late.status).toBe("completed");
    expect(await database.db.creditTransaction.count({ where: { callId: BigInt(callId), kind: "call_debit" } })).toBe(1);
    expect(await balanceOf(organization.id)).toBe("9.46");
  });

  it("debits exactly once when the same result arrives concurrently", async () => {
    const organization = await createOrganization(database.db, { creditBalance: "10.00" });
    const { callId } = await claimOne(organization);
    const responses = await Promise.all(Array.from({ length: 4 }, () => report(organization, callId, finishedReport)));
    expect(responses.map((response) => response.status)).toEqual([200, 200, 200, 200]);
    expect(await database.db.creditTransaction.count({ where: { callId: BigInt(callId), kind: "call_debit" } })).toBe(1);
    expect(await database.db.transcript.count({ where: { callId: BigInt(callId) } })).toBe(3);
    expect(await balanceOf(organization.id)).toBe("9.46");
  });

  it("stores and debits a call even when the organization is past its credit limit", async () => {
    const organization = await createOrganization(database.db, { creditBalance: "-199.90" });
    const { callId } = await claimOne(organization);
    await database.db.organization.update({ where: { id: organization.id }, data: { creditBalance: "-250.00" } });
    const response = await report(organization, callId, { ...finishedReport, booking: undefined, outcome: "callback" });
    expect(response.status).toBe(200);
    expect(await balanceOf(organization.id)).toBe("-250.54");
  });

  it("marks the service record do-not-call when the outcome says so", async () => {
    const organization = await createOrganization(database.db);
    const { callId, recordId } = await claimOne(organization);
    const response = await report(organization, callId, { status: "completed", duration_sec: 20, outcome: "do_not_call" });
    expect(response.status).toBe(200);
    expect((await database.db.serviceRecord.findUniqueOrThrow({ where: { id: recordId } })).doNotCall).toBe(true);
  });

  it("answers 400 naming each invalid field, and changes nothing", async () => {
    const organization = await createOrganization(database.db);
    const { callId } = await claimOne(organization);
    const response = await report(organization, callId, {
      status: "exploded",
      duration_sec: -1,
      start_time: "yesterday",
      transcript: [{ role: "robot", content: "beep" }],
      booking: { scheduled_time: "2026-12-03T14:00:00Z" },
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as ErrorJson;
    expect(body.error.code).toBe("invalid_request");
    expect(Object.keys(body.error.fields ?? {}).sort()).toEqual(["duration_sec", "start_time", "status", "transcript.0.role"]);
    const bookingOnNoAnswer = (await (await report(organization, callId, { status: "no_answer", booking: { scheduled_time: "2026-12-03T14:00:00Z" } })).json()) as ErrorJson;
    expect(Object.keys(bookingOnNoAnswer.error.fields ?? {})).toEqual(["booking"]);
    for (const raw of ["{not json", "[1,2]", "null"]) {
      const malformed = await report(organization, callId, raw);
      expect(malformed.status).toBe(400);
      expect(((await malformed.json()) as ErrorJson).error.fields).toHaveProperty("body");
    }
    const nul = (await (await report(organization, callId, { status: "completed", transcript: [{ role: "user", content: "a\u0000b" }] })).json()) as ErrorJson;
    expect(Object.keys(nul.error.fields ?? {})).toEqual(["transcript.0.content"]);
    const huge = await report(organization, callId, { status: "completed", transcript: [{ role: "user", content: "x".repeat(6 * 1024 * 1024) }] });
    expect(huge.status).toBe(413);
    expect((await database.db.call.findUniqueOrThrow({ where: { id: BigInt(callId) } })).status).toBe("queued");
  });

  it("answers 404 for another organization's call and for ids that are not calls", async () => {
    const owner = await createOrganization(database.db);
    const stranger = await createOrganization(database.db);
    const { callId } = await claimOne(owner);
    const foreign = await report(stranger, callId, { status: "completed", duration_sec: 60 });
    expect(foreign.status).toBe(404);
    expect(((await foreign.json()) as ErrorJson).error.code).toBe("not_found");
    expect((await database.db.call.findUniqueOrThrow({ where: { id: BigInt(callId) } })).status).toBe("queued");
    expect((await report(owner, "999999999", { status: "failed" })).status).toBe(404);
    expect((await report(owner, "abc", { status: "failed" })).status).toBe(404);
  });

  it("records an inbound call by external_id: created once, then updated, never duplicated", async () => {
    const organization = await createOrganization(database.db);
    const campaign = await createCampaign(database.db, organization.id);
    const post = (body: unknown, key = organization.key) => handleInboundCall(database.db, apiRequest("POST", "/api/v1/calls", key, body));
    const inbound = { external_id: "sip-abc-1", customer_number: "(614) 555-0142", status: "in_progress", start_time: "2026-11-30T16:00:00Z", agent_id: String(organization.agentId) };
    const created = await post(inbound);
    expect(created.status).toBe(201);
    const call = (await created.json()) as CallJson;
    expect(call).toMatchObject({ direction: "inbound", external_id: "sip-abc-1", status: "in_progress" });
    const again = await post(inbound);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(call);
    const finished = await post({ ...inbound, status: "completed", duration_sec: 61, service_record_id: String(campaign.recordIds[0]), transcript: finishedReport.transcript.slice(0, 2) });
    expect(finished.status).toBe(200);
    expect((await finished.json()) as CallJson).toMatchObject({ id: call.id, status: "completed", transcript_turns: 2, credits_debited: "0.36" });
    expect(await database.db.call.count({ where: { organizationId: organization.id, externalId: "sip-abc-1" } })).toBe(1);

    const stranger = await createOrganization(database.db);
    const foreignLink = await post({ ...inbound, external_id: "sip-abc-2", campaign_id: String(campaign.id) }, stranger.key);
    expect(foreignLink.status).toBe(400);
    expect(((await foreignLink.json()) as ErrorJson).error.fields).toHaveProperty("campaign_id");
    const missing = await post({ status: "completed" });
    expect(Object.keys(((await missing.json()) as ErrorJson).error.fields ?? {})).toEqual(["external_id"]);
  });

  it("refuses an external_id that another call already has", async () => {
    const organization = await createOrganization(database.db);
    const { callId } = await claimOne(organization);
    expect((await report(organization, callId, { status: "ringing", external_id: "engine-1" })).status).toBe(200);
    const inbound = await handleInboundCall(database.db, apiRequest("POST", "/api/v1/calls", organization.key, { external_id: "engine-1", status: "completed" }));
    expect(inbound.status).toBe(409);
    const second = await createCampaign(database.db, organization.id);
    expect(second.recordIds).toHaveLength(1);
    const claimed = (await (await handleClaim(database.db, apiRequest("POST", "/api/v1/dial-queue/claim", organization.key, {}), { now: mondayMorning })).json()) as ClaimJson;
    const duplicate = await report(organization, claimed.calls[0]!.call_id, { status: "ringing", external_id: "engine-1" });
    expect(duplicate.status).toBe(409);
    expect(((await duplicate.json()) as ErrorJson).error.fields).toHaveProperty("external_id");
  });
});
