import { Prisma } from "../generated/prisma/client";
import type { Database } from "../db";
import { parseStoredSchedule } from "@/lib/validation/schedule";
import type { ScheduleConfig } from "@/lib/validation/schedule";
import { staleClaimMinutes } from "@/lib/validation/voice-api";
import type { ClaimedCall } from "@/lib/validation/voice-api";
import type { campaignTypes } from "@/lib/value-sets";
import { recordAudit } from "./audit";
import { attemptsMadeSql, campaignCallState, dialQueueRecordConditions, inFlightCallStatuses, isCallingTime, isPastCreditLimit } from "./eligibility";

// The voice engine's dial queue. A claim is one transaction in two steps:
// 1. Pick, in parallel with other claimers: the candidate search (the costly part) takes a row lock
//    FOR UPDATE SKIP LOCKED on each record it picks, so concurrent claimers pick different records.
// 2. Claim, under a per-organization advisory lock held to commit: count the calls in flight afresh,
//    apply the campaigns' and the organization's concurrency caps, re-check the picked records and
//    create their calls. The caps need the lock (two claimers that counted the same calls in flight
//    would both take the last line), and so does the re-check: a search that began before another
//    claimer committed reads the calls as they were then, so it can pick a record that is in flight
//    by now or has used its last attempt; under the lock a fresh read sees every committed claim.
// The lock covers the counting, the re-check of a few records by id and the inserts, not the search
// (which reads service_record_dial_queue_idx in the queue's order and stops at the wanted count).

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

async function releaseStale(tx: TransactionClient, actor: QueueActor, now: Date): Promise<bigint[]> {
  const cutoff = new Date(now.getTime() - staleClaimMinutes * 60_000);
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
}

/**
 * Releases claims that got no report for 15 minutes: the call becomes `failed` (an attempt like any
 * other). Every claim does it first, inside its transaction; tests and scripts may call it directly.
 * Returns the released call ids.
 */
export async function releaseStaleClaims(db: Database, actor: QueueActor, now = new Date()): Promise<bigint[]> {
  return db.$transaction((tx) => releaseStale(tx, actor, now), transactionOptions);
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
    // Conditional, so that of two claimers activating the campaign at once only one writes the audit row.
    if (state === "activate" && (await tx.campaign.updateMany({ where: { id: campaign.id, status: "Scheduled" }, data: { status: "Active" } })).count) {
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

/** The campaign's records to call now, best first (fewest attempts, nearest appointment), locked; `narrow` adds conditions. */
function candidates(tx: TransactionClient, organizationId: string, campaign: CallableCampaign, limit: number, now: Date, narrow = Prisma.empty) {
  const { schedule } = campaign;
  return tx.$queryRaw<CandidateRow[]>(Prisma.sql`
    SELECT sr.id, sr.customer_name, sr.customer_phone, sr.vehicle_info, sr.service_type, sr.status, sr.appointment_date,
           ${attemptsMadeSql} AS attempts_made
      FROM "service_record" AS sr
     WHERE ${dialQueueRecordConditions({ organizationId, campaignId: campaign.id, maxAttempts: schedule.maxAttempts, retryDelayMinutes: schedule.retryDelayMinutes, now })}
           ${narrow}
     ORDER BY sr.outbound_attempts, sr.appointment_date NULLS LAST, sr.id
     LIMIT ${limit}
     FOR UPDATE OF sr SKIP LOCKED`);
}

type Picked = { room: number; records: CandidateRow[] };
type Pick = (campaign: CallableCampaign, room: number) => Promise<CandidateRow[]>;

/**
 * Walks the campaigns in order and asks `pick` for up to the room each has: what is still wanted, the
 * organization's call_concurrency_limit and the campaign's concurrency, less the calls in flight.
 */
async function allocate(campaigns: CallableCampaign[], wanted: number, organizationLimit: number, inFlight: Map<string, number>, pick: Pick): Promise<Map<bigint, Picked>> {
  let organizationRoom = organizationLimit - [...inFlight.values()].reduce((sum, calls) => sum + calls, 0);
  const picked = new Map<bigint, Picked>();
  for (const campaign of campaigns) {
    if (wanted <= 0 || organizationRoom <= 0) break;
    const room = Math.min(wanted, organizationRoom, campaign.schedule.concurrency - (inFlight.get(String(campaign.id)) ?? 0));
    if (room <= 0) continue;
    const records = await pick(campaign, room);
    picked.set(campaign.id, { room, records });
    wanted -= records.length;
    organizationRoom -= records.length;
  }
  return picked;
}

const idsOf = (records: CandidateRow[]) => Prisma.join(records.map((record) => record.id));

/**
 * Under the lock: the records picked before it that are still callable (a fresh read), topped up by a
 * new search when the pick may have left callable records out (one was claimed meanwhile, the pick
 * stopped at a smaller room, or it never reached this campaign).
 */
async function confirm(tx: TransactionClient, organizationId: string, campaign: CallableCampaign, room: number, now: Date, pick: Picked | undefined): Promise<CandidateRow[]> {
  const picked = pick?.records ?? [];
  const confirmed = picked.length ? await candidates(tx, organizationId, campaign, room, now, Prisma.sql`AND sr.id IN (${idsOf(picked)})`) : [];
  const mayHaveMore = !pick || confirmed.length < picked.length || picked.length === pick.room;
  if (confirmed.length >= room || !mayHaveMore) return confirmed;
  const others = confirmed.length ? Prisma.sql`AND sr.id NOT IN (${idsOf(confirmed)})` : Prisma.empty;
  return [...confirmed, ...(await candidates(tx, organizationId, campaign, room - confirmed.length, now, others))];
}

export type ClaimResult = { calls: ClaimedCall[]; blocked: "credit_limit" | null };

/**
 * Hands out up to `limit` service records to call now: creates each call (queued, outbound) and
 * returns it with the campaign, the agent and what the agent needs to know.
 */
export async function claimCalls(db: Database, actor: QueueActor, limit: number, now = new Date()): Promise<ClaimResult> {
  const { organizationId } = actor;
  return db.$transaction(async (tx) => {
    await releaseStale(tx, actor, now);
    if (await isPastCreditLimit(tx, organizationId)) return { calls: [], blocked: "credit_limit" as const };
    const organization = await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { callConcurrencyLimit: true, isActive: true } });
    if (!organization.isActive) return { calls: [], blocked: null };
    const campaigns = await callableCampaigns(tx, actor, now);
    if (!campaigns.length) return { calls: [], blocked: null };
    const agents = await tx.agent.findMany({ where: { organizationId, isActive: true }, select: { id: true, name: true, description: true, voice: true, language: true }, orderBy: { id: "asc" } });

    const picks = await allocate(campaigns, limit, organization.callConcurrencyLimit, await callsInFlight(tx, organizationId), (campaign, room) =>
      candidates(tx, organizationId, campaign, room, now),
    );
    await tx.$executeRaw(Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${`dial-queue:${organizationId}`}, 0))`);
    const claims = await allocate(campaigns, limit, organization.callConcurrencyLimit, await callsInFlight(tx, organizationId), (campaign, room) =>
      confirm(tx, organizationId, campaign, room, now, picks.get(campaign.id)),
    );

    const claimed: ClaimedCall[] = [];
    const reportBy = new Date(now.getTime() + staleClaimMinutes * 60_000);
    for (const campaign of campaigns) {
      for (const record of claims.get(campaign.id)?.records ?? []) {
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
    }
    return { calls: claimed, blocked: null };
  }, transactionOptions);
}
