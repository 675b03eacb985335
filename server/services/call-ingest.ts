import { Prisma } from "../generated/prisma/client";
import type { Database } from "../db";
import type { CallReport, CallResource, InboundCall } from "@/lib/validation/voice-api";
import { ApiProblem } from "../api-v1/errors";
import { changedFields, recordAudit } from "./audit";
import { changeCredits } from "./credits";
import type { QueueActor } from "./dial-queue";

// What the voice engine reports about calls: progress and results of claimed calls, and inbound
// calls by their external id. Every report runs in one transaction with the call row locked, and
// applies only what differs from the stored state, so the same report twice changes nothing.

type TransactionClient = Prisma.TransactionClient;
export type IngestActor = QueueActor;

const transactionOptions = { maxWait: 15_000, timeout: 30_000 };
const finishedStatuses = new Set(["completed", "no_answer", "busy", "voicemail", "failed"]);
const turnRoles = { user: "User", assistant: "Assistant", tool: "Tool" } as const;

type ReportFields = Omit<CallReport, "external_id"> & { external_id?: string };

type StoredCall = {
  id: bigint;
  status: string;
  direction: string;
  startTime: Date | null;
  endTime: Date | null;
  durationSec: number | null;
  outcome: string | null;
  externalId: string | null;
  serviceRecordId: bigint | null;
  campaignId: bigint | null;
};

const storedCallSelect = { id: true, status: true, direction: true, startTime: true, endTime: true, durationSec: true, outcome: true, externalId: true, serviceRecordId: true, campaignId: true } as const;

function durationOf(report: ReportFields): number | null | undefined {
  if (report.duration_sec !== undefined) return report.duration_sec;
  if (report.start_time && report.end_time) return Math.round((report.end_time.getTime() - report.start_time.getTime()) / 1000);
  return undefined;
}

/** The call columns a report sets; absent fields keep their value, null clears it. A finished call never goes back to in progress. */
function callFieldsOf(current: Pick<StoredCall, "status"> | null, report: ReportFields) {
  const keepFinished = current && finishedStatuses.has(current.status) && !finishedStatuses.has(report.status);
  const fields: { status: string; startTime?: Date | null; endTime?: Date | null; durationSec?: number | null; outcome?: string | null; externalId?: string } = {
    status: keepFinished ? current.status : report.status,
  };
  if (report.start_time !== undefined) fields.startTime = report.start_time;
  if (report.end_time !== undefined) fields.endTime = report.end_time;
  const duration = durationOf(report);
  if (duration !== undefined) fields.durationSec = duration;
  if (report.outcome !== undefined) fields.outcome = report.outcome;
  if (report.external_id !== undefined) fields.externalId = report.external_id;
  return fields;
}

async function lockCall(tx: TransactionClient, organizationId: string, callId: bigint): Promise<StoredCall | null> {
  const locked = await tx.$queryRaw<{ id: bigint }[]>`SELECT id FROM "call" WHERE id = ${callId} AND organization_id = ${organizationId}::uuid FOR UPDATE`;
  if (!locked.length) return null;
  return tx.call.findUnique({ where: { id: callId }, select: storedCallSelect });
}

async function replaceTranscript(tx: TransactionClient, actor: IngestActor, call: StoredCall, turns: NonNullable<ReportFields["transcript"]>) {
  const incoming = turns.map((turn) => ({ role: turnRoles[turn.role], content: turn.content, timestamp: turn.timestamp?.toISOString() ?? null }));
  const stored = await tx.transcript.findMany({ where: { callId: call.id, organizationId: actor.organizationId }, select: { role: true, content: true, timestamp: true }, orderBy: { id: "asc" } });
  const storedTurns = stored.map((turn) => ({ role: turn.role, content: turn.content, timestamp: turn.timestamp?.toISOString() ?? null }));
  if (JSON.stringify(storedTurns) === JSON.stringify(incoming)) return;
  await tx.transcript.deleteMany({ where: { callId: call.id, organizationId: actor.organizationId } });
  if (incoming.length) {
    await tx.transcript.createMany({
      data: incoming.map((turn) => ({ callId: call.id, organizationId: actor.organizationId, role: turn.role, content: turn.content, timestamp: turn.timestamp ? new Date(turn.timestamp) : null })),
    });
  }
  await recordAudit(tx, { organizationId: actor.organizationId, userId: null, apiKeyId: actor.apiKeyId, entity: "transcript", entityId: call.id, action: "update", oldValue: { turns: stored.length }, newValue: { turns: incoming.length } });
}

/** The call's one booking (by call_id): created on the first report that carries it, updated when it changes. */
async function applyBooking(tx: TransactionClient, actor: IngestActor, call: StoredCall, booking: NonNullable<ReportFields["booking"]>): Promise<boolean> {
  const existing = await tx.booking.findFirst({ where: { organizationId: actor.organizationId, callId: call.id }, select: { id: true, scheduledTime: true, status: true }, orderBy: { id: "asc" } });
  const audit = { organizationId: actor.organizationId, userId: null, apiKeyId: actor.apiKeyId, entity: "booking" } as const;
  if (!existing) {
    const created = await tx.booking.create({
      data: { organizationId: actor.organizationId, callId: call.id, serviceRecordId: call.serviceRecordId, campaignId: call.campaignId, scheduledTime: booking.scheduled_time, status: booking.status },
      select: { id: true },
    });
    await recordAudit(tx, { ...audit, entityId: created.id, action: "create", newValue: { callId: call.id, serviceRecordId: call.serviceRecordId, scheduledTime: booking.scheduled_time, status: booking.status } });
    return true;
  }
  const { oldValue, newValue } = changedFields(existing, { scheduledTime: booking.scheduled_time, status: booking.status });
  if (!Object.keys(newValue).length) return false;
  await tx.booking.update({ where: { id: existing.id }, data: newValue });
  await recordAudit(tx, { ...audit, entityId: existing.id, action: "update", oldValue, newValue });
  return false;
}

/** do_not_call marks the record; a new booking makes it Booked; a connected call makes a Scheduled record Contacted. */
async function updateServiceRecord(tx: TransactionClient, actor: IngestActor, call: StoredCall, effects: { doNotCall: boolean; booked: boolean; connected: boolean }) {
  if (!call.serviceRecordId) return;
  const record = await tx.serviceRecord.findFirst({ where: { id: call.serviceRecordId, organizationId: actor.organizationId }, select: { id: true, doNotCall: true, status: true } });
  if (!record) return;
  const next: { doNotCall?: boolean; status?: string } = {};
  if (effects.doNotCall) next.doNotCall = true;
  if (effects.booked) next.status = "Booked";
  else if (effects.connected && record.status === "Scheduled") next.status = "Contacted";
  const { oldValue, newValue } = changedFields(record, next);
  if (!Object.keys(newValue).length) return;
  await tx.serviceRecord.update({ where: { id: record.id }, data: newValue });
  await recordAudit(tx, { organizationId: actor.organizationId, userId: null, apiKeyId: actor.apiKeyId, entity: "service_record", entityId: record.id, action: "update", oldValue, newValue: { ...newValue, reason: `Call ${call.id}` } });
}

/** A connected call costs started minutes × the plan's rate_per_minute, debited once per call (also past the credit limit). */
async function debitConnectedCall(tx: TransactionClient, actor: IngestActor, call: StoredCall) {
  if (call.status !== "completed" || !call.durationSec) return;
  const debited = await tx.creditTransaction.findFirst({ where: { callId: call.id, kind: "call_debit" }, select: { id: true } });
  if (debited) return;
  const organization = await tx.organization.findUniqueOrThrow({ where: { id: actor.organizationId }, select: { plan: { select: { ratePerMinute: true } } } });
  const rate = organization.plan?.ratePerMinute ?? new Prisma.Decimal(0);
  const minutes = Math.ceil(call.durationSec / 60);
  const amount = rate.mul(minutes).toDecimalPlaces(2, Prisma.Decimal.ROUND_UP);
  if (amount.isZero()) return;
  await changeCredits(tx, {
    organizationId: actor.organizationId,
    amount: amount.neg(),
    kind: "call_debit",
    callId: call.id,
    apiKeyId: actor.apiKeyId,
    reason: `Call ${call.id}: ${minutes} min × ${rate.toFixed(4)}`,
  });
}

async function applyReport(tx: TransactionClient, actor: IngestActor, call: StoredCall, report: ReportFields): Promise<void> {
  const fields = callFieldsOf(call, report);
  const { oldValue, newValue } = changedFields(call, fields);
  let current = call;
  if (Object.keys(newValue).length) {
    current = await tx.call.update({ where: { id: call.id }, data: newValue, select: storedCallSelect });
    await recordAudit(tx, { organizationId: actor.organizationId, userId: null, apiKeyId: actor.apiKeyId, entity: "call", entityId: call.id, action: "update", oldValue, newValue });
  }
  if (report.transcript !== undefined) await replaceTranscript(tx, actor, current, report.transcript);
  const booked = report.booking ? await applyBooking(tx, actor, current, report.booking) : false;
  await updateServiceRecord(tx, actor, current, { doNotCall: current.outcome === "do_not_call", booked, connected: current.status === "completed" });
  await debitConnectedCall(tx, actor, current);
}

/** PUT /api/v1/calls/{id}: null when the call is not the organization's. */
export async function reportCall(db: Database, actor: IngestActor, callId: bigint, report: CallReport): Promise<CallResource | null> {
  return db.$transaction(async (tx) => {
    const call = await lockCall(tx, actor.organizationId, callId);
    if (!call) return null;
    await applyReport(tx, actor, call, report);
    return callResource(tx, actor.organizationId, callId);
  }, transactionOptions);
}

async function checkLinks(tx: TransactionClient, organizationId: string, input: InboundCall) {
  const fields: Record<string, string[]> = {};
  const [campaign, agent, record] = await Promise.all([
    input.campaign_id ? tx.campaign.findFirst({ where: { id: input.campaign_id, organizationId }, select: { id: true } }) : null,
    input.agent_id ? tx.agent.findFirst({ where: { id: input.agent_id, organizationId }, select: { id: true } }) : null,
    input.service_record_id ? tx.serviceRecord.findFirst({ where: { id: input.service_record_id, organizationId }, select: { id: true, campaignId: true } }) : null,
  ]);
  if (input.campaign_id && !campaign) fields.campaign_id = ["No such campaign"];
  if (input.agent_id && !agent) fields.agent_id = ["No such agent"];
  if (input.service_record_id && !record) fields.service_record_id = ["No such service record"];
  if (Object.keys(fields).length) throw new ApiProblem(400, "invalid_request", `Invalid ${Object.keys(fields).join(", ")}`, fields);
  return { campaignId: input.campaign_id ?? record?.campaignId ?? null, agentId: input.agent_id ?? null, serviceRecordId: input.service_record_id ?? null };
}

async function upsertInbound(db: Database, actor: IngestActor, input: InboundCall): Promise<{ call: CallResource; created: boolean }> {
  return db.$transaction(async (tx) => {
    const links = await checkLinks(tx, actor.organizationId, input);
    const existing = await tx.call.findUnique({ where: { organizationId_externalId: { organizationId: actor.organizationId, externalId: input.external_id } }, select: { id: true, direction: true } });
    if (existing && existing.direction !== "inbound") {
      throw new ApiProblem(409, "conflict", "external_id belongs to an outbound call; report it with PUT /api/v1/calls/{id}", { external_id: ["Belongs to an outbound call"] });
    }
    let call: StoredCall | null;
    let created = false;
    if (existing) {
      call = await lockCall(tx, actor.organizationId, existing.id);
      const linkChanges = changedFields(await tx.call.findUniqueOrThrow({ where: { id: existing.id }, select: { campaignId: true, agentId: true, serviceRecordId: true, customerNumber: true } }), {
        ...(input.campaign_id !== undefined || input.service_record_id !== undefined ? { campaignId: links.campaignId } : {}),
        ...(input.agent_id !== undefined ? { agentId: links.agentId } : {}),
        ...(input.service_record_id !== undefined ? { serviceRecordId: links.serviceRecordId } : {}),
        ...(input.customer_number !== undefined ? { customerNumber: input.customer_number } : {}),
      });
      if (Object.keys(linkChanges.newValue).length) {
        call = await tx.call.update({ where: { id: existing.id }, data: linkChanges.newValue, select: storedCallSelect });
        await recordAudit(tx, { organizationId: actor.organizationId, userId: null, apiKeyId: actor.apiKeyId, entity: "call", entityId: existing.id, action: "update", ...linkChanges });
      }
    } else {
      const fields = callFieldsOf(null, input);
      call = await tx.call.create({
        data: { organizationId: actor.organizationId, direction: "inbound", customerNumber: input.customer_number ?? null, ...links, ...fields, externalId: input.external_id },
        select: storedCallSelect,
      });
      created = true;
      await recordAudit(tx, { organizationId: actor.organizationId, userId: null, apiKeyId: actor.apiKeyId, entity: "call", entityId: call.id, action: "create", newValue: { direction: "inbound", customerNumber: input.customer_number ?? null, ...links, ...fields } });
    }
    await applyReport(tx, actor, call!, input);
    return { call: (await callResource(tx, actor.organizationId, call!.id))!, created };
  }, transactionOptions);
}

/** POST /api/v1/calls: an inbound call, created or updated by its external_id. */
export async function recordInboundCall(db: Database, actor: IngestActor, input: InboundCall): Promise<{ call: CallResource; created: boolean }> {
  try {
    return await upsertInbound(db, actor, input);
  } catch (error) {
    // Two first reports of one call at the same moment: the loser finds the winner's row and updates it.
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return upsertInbound(db, actor, input);
    throw error;
  }
}

type ResourceReader = Pick<Prisma.TransactionClient, "call">;

/** The call as the API shows it; null when it is not the organization's. */
export async function callResource(db: ResourceReader, organizationId: string, callId: bigint): Promise<CallResource | null> {
  const call = await db.call.findFirst({
    where: { id: callId, organizationId },
    select: {
      ...storedCallSelect,
      customerNumber: true,
      agentId: true,
      _count: { select: { transcripts: true } },
      bookings: { select: { id: true, scheduledTime: true, status: true }, orderBy: { id: "asc" }, take: 1 },
      creditEntries: { where: { kind: "call_debit" }, select: { amount: true } },
      audioFile: { select: { fileFormat: true, fileSizeBytes: true } },
    },
  });
  if (!call) return null;
  const booking = call.bookings[0];
  const debit = call.creditEntries[0];
  return {
    id: String(call.id),
    external_id: call.externalId,
    direction: call.direction as CallResource["direction"],
    status: call.status as CallResource["status"],
    outcome: call.outcome as CallResource["outcome"],
    start_time: call.startTime?.toISOString() ?? null,
    end_time: call.endTime?.toISOString() ?? null,
    duration_sec: call.durationSec,
    customer_number: call.customerNumber,
    campaign_id: call.campaignId === null ? null : String(call.campaignId),
    service_record_id: call.serviceRecordId === null ? null : String(call.serviceRecordId),
    agent_id: call.agentId === null ? null : String(call.agentId),
    transcript_turns: call._count.transcripts,
    booking: booking ? { id: String(booking.id), scheduled_time: booking.scheduledTime?.toISOString() ?? null, status: booking.status } : null,
    credits_debited: debit ? debit.amount.abs().toFixed(2) : null,
    audio: call.audioFile ? { format: call.audioFile.fileFormat, size_bytes: call.audioFile.fileSizeBytes === null ? null : Number(call.audioFile.fileSizeBytes) } : null,
  };
}
