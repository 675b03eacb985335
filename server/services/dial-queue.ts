import { Prisma } from "../generated/prisma/client";
import type { Database } from "../db";
import { parseStoredSchedule } from "@/lib/validation/schedule";
import type { ScheduleConfig } from "@/lib/validation/schedule";
import { staleClaimMinutes } from "@/lib/validation/voice-api";
import type { ClaimedCall } from "@/lib/validation/voice-api";
import type { campaignTypes } from "@/lib/value-sets";
import { recordAudit } from "./audit";
import { attemptsMadeSql, campaignCallState, dialQueueRecordConditions, inFlightCallStatuses, isCallingTime, isPastCreditLimit } from "./eligibility";

// The voice engine's dial queue. A claim runs in one transaction that holds a per-organization
// advisory lock: the claimed state lives in the call table, not on the service record row, so
// concurrent claimers are serialized per organization (which the concurrency caps need anyway);
// FOR UPDATE SKIP LOCKED on the records also steps around records another transaction is changing.

export type QueueActor = { organizationId: string; apiKeyId: bigint | null };

type TransactionClient = Prisma.TransactionClient;
type CampaignType = (typeof campaignTypes)[number];

const transactionOptions = { maxWait: 15_000, timeout: 30_000 };

type CandidateRow = {
  id: bigint;
  customer_name: string | null;
  customer_phone: string;
  vehicle_info: string | null;
  service_type: string | null;
  status: string;
  appointment_date: Date | null;
  attempts_made: number;
};

type CallableCampaign = { id: bigint; name: string; type: string; status: string; schedule: ScheduleConfig; activate: boolean };

/**
 * Releases claims that got no report for 15 minutes: the call becomes `failed` (an attempt like any
 * other). Runs at every claim; tests and scripts may call it directly. Returns the released call ids.
 */
export async function releaseStaleClaims(db: Database, actor: QueueActor, now = new Date()): Promise<bigint[]> {
  const cutoff = new Date(now.getTime() - staleClaimMinutes * 60_000);
  return db.$transaction(async (tx) => {
    const released = await tx.$queryRaw<{ id: bigint; status: string }[]>(Prisma.sql`
      WITH stale AS (
        SELECT id, status FROM "call"
         WHERE organization_id = ${actor.organizationId}::uuid AND direction = 'outbound'
           AND status IN (${Prisma.join([...inFlightCallStatuses])}) AND updated_at < ${cutoff}::timestamptz
         FOR UPDATE SKIP LOCKED
      )
      UPDATE "call" AS c SET status = 'failed', updated_at = ${now}::timestamptz
        FROM stale WHERE c.id = stale.id
      RETURNING c.id, stale.status`);
    if (released.length) {
      await tx.auditLog.createMany({
        data: released.map((call) => ({
          organizationId: actor.organizationId,
          apiKeyId: actor.apiKeyId,
          entity: "call",
          entityId: String(call.id),
          action: "update",
          oldValue: { status: call.status },
          newValue: { status: "failed", reason: `No report within ${staleClaimMinutes} minutes of the claim` },
        })),
      });
    }
    return released.map((call) => call.id);
  }, transactionOptions);
}

async function callableCampaigns(tx: TransactionClient, { organizationId, apiKeyId }: QueueActor, now: Date): Promise<CallableCampaign[]> {
  const campaigns = await tx.campaign.findMany({
    where: { organizationId, status: { in: ["Active", "Scheduled"] } },
    select: { id: true, name: true, type: true, status: true, scheduleConfigs: { select: { configJson: true } } },
    orderBy: { id: "asc" },
  });
  const callable: CallableCampaign[] = [];
  for (const campaign of campaigns) {
    const schedule = parseStoredSchedule(campaign.scheduleConfigs[0]?.configJson);
    if (!schedule) continue;
    const state = campaignCallState(campaign.status, schedule, now);
    if (!state) continue;
    if (state === "activate") {
      await tx.campaign.update({ where: { id: campaign.id }, data: { status: "Active" } });
      await recordAudit(tx, {
        organizationId,
        userId: null,
        apiKeyId,
        entity: "campaign",
        entityId: campaign.id,
        action: "update",
        oldValue: { status: "Scheduled" },
        newValue: { status: "Active", reason: "The start date has come" },
      });
    }
    if (isCallingTime(schedule, now)) callable.push({ ...campaign, schedule, activate: state === "activate" });
  }
  return callable;
}

async function callsInFlight(tx: TransactionClient, organizationId: string): Promise<Map<string, number>> {
  const rows = await tx.$queryRaw<{ campaign_id: bigint | null; calls: number }[]>(Prisma.sql`
    SELECT campaign_id, count(*)::int AS calls FROM "call"
     WHERE organization_id = ${organizationId}::uuid AND direction = 'outbound' AND status IN (${Prisma.join([...inFlightCallStatuses])})
     GROUP BY campaign_id`);
  return new Map(rows.map((row) => [String(row.campaign_id), Number(row.calls)]));
}

function candidates(tx: TransactionClient, organizationId: string, campaign: CallableCampaign, limit: number, now: Date) {
  const { schedule } = campaign;
  return tx.$queryRaw<CandidateRow[]>(Prisma.sql`
    SELECT sr.id, sr.customer_name, sr.customer_phone, sr.vehicle_info, sr.service_type, sr.status, sr.appointment_date,
           ${attemptsMadeSql} AS attempts_made
      FROM "service_record" AS sr
     WHERE ${dialQueueRecordConditions({ organizationId, campaignId: campaign.id, maxAttempts: schedule.maxAttempts, retryDelayMinutes: schedule.retryDelayMinutes, now })}
     ORDER BY attempts_made, sr.appointment_date NULLS LAST, sr.id
     LIMIT ${limit}
     FOR UPDATE OF sr SKIP LOCKED`);
}

export type ClaimResult = { calls: ClaimedCall[]; blocked: "credit_limit" | null };

/**
 * Hands out up to `limit` service records to call now: creates each call (queued, outbound) and
 * returns it with the campaign, the agent and what the agent needs to know.
 */
export async function claimCalls(db: Database, actor: QueueActor, limit: number, now = new Date()): Promise<ClaimResult> {
  await releaseStaleClaims(db, actor, now);
  const { organizationId } = actor;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${`dial-queue:${organizationId}`}, 0))`);
    if (await isPastCreditLimit(tx, organizationId)) return { calls: [], blocked: "credit_limit" as const };
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { callConcurrencyLimit: true, isActive: true } });
    if (!organization.isActive) return { calls: [], blocked: null };
    const campaigns = await callableCampaigns(tx, actor, now);
    if (!campaigns.length) return { calls: [], blocked: null };

    const inFlight = await callsInFlight(tx, organizationId);
    let organizationRoom = organization.callConcurrencyLimit - [...inFlight.values()].reduce((sum, calls) => sum + calls, 0);
    let wanted = limit;
    const agents = await tx.agent.findMany({ where: { organizationId, isActive: true }, select: { id: true, name: true, description: true, voice: true, language: true }, orderBy: { id: "asc" } });
    const claimed: ClaimedCall[] = [];
    const reportBy = new Date(now.getTime() + staleClaimMinutes * 60_000);

    for (const campaign of campaigns) {
      const room = Math.min(wanted, organizationRoom, campaign.schedule.concurrency - (inFlight.get(String(campaign.id)) ?? 0));
      if (room <= 0) continue;
      const records = await candidates(tx, organizationId, campaign, room, now);
      for (const record of records) {
        const agent = agents.length ? agents[Number(record.id % BigInt(agents.length))]! : null;
        const call = await tx.call.create({
          data: {
            organizationId,
            serviceRecordId: record.id,
            campaignId: campaign.id,
            agentId: agent?.id ?? null,
            customerNumber: record.customer_phone,
            direction: "outbound",
            status: "queued",
            createdAt: now,
            updatedAt: now,
          },
          select: { id: true },
        });
        await recordAudit(tx, {
          organizationId,
          userId: null,
          apiKeyId: actor.apiKeyId,
          entity: "call",
          entityId: call.id,
          action: "create",
          newValue: { direction: "outbound", status: "queued", serviceRecordId: record.id, campaignId: campaign.id, agentId: agent?.id ?? null },
        });
        claimed.push({
          call_id: String(call.id),
          claimed_at: now.toISOString(),
          report_by: reportBy.toISOString(),
          attempt: Number(record.attempts_made) + 1,
          max_attempts: campaign.schedule.maxAttempts,
          campaign: { id: String(campaign.id), name: campaign.name, type: campaign.type as CampaignType, time_zone: campaign.schedule.timezone },
          agent: agent ? { id: String(agent.id), name: agent.name, description: agent.description, voice: agent.voice, language: agent.language } : null,
          customer: { name: record.customer_name, phone: record.customer_phone },
          vehicle: { description: record.vehicle_info },
          service: { record_id: String(record.id), type: record.service_type, status: record.status, appointment_date: record.appointment_date?.toISOString() ?? null },
        });
      }
      wanted -= records.length;
      organizationRoom -= records.length;
      if (wanted <= 0 || organizationRoom <= 0) break;
    }
    return { calls: claimed, blocked: null };
  }, transactionOptions);
}
