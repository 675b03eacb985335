// Writes one service-center organization: plan everything in memory (activity.ts), then insert
// table by table with createMany, mapping generated ids back through natural keys.
import { kpiMetricInfo } from "../../lib/kpis";
import type { Database } from "../../server/db";
import type { Prisma } from "../../server/generated/prisma/client";
import { createPlanContext, planCampaigns, planRecords } from "./activity";
import type { PlannedCall, PlannedCampaign, PlannedRecord } from "./activity";
import { Random } from "./random";
import { dayMs, hourMs, isoDate, weeklyWindowsJson } from "./time";
import type { CoreKpiName, OrganizationProfile } from "./types";

export type SharedSeedData = {
  now: Date;
  passwordHash: () => Promise<string>;
  plans: Map<string, { id: number; price: string; ratePerMinute: string }>;
  superAdminId: bigint;
};

type OrganizationIds = {
  organizationId: string;
  users: Map<string, bigint>;
  adminId: bigint;
  managerId: bigint;
};

const transcriptBatchSize = 1000;

const coreKpiDescriptions: Record<CoreKpiName, string> = {
  connect_rate: "Connected calls as a share of the calls placed (%).",
  booking_rate: "Connected calls that led to a booking (%).",
  show_rate: "Completed bookings among completed and no-show bookings (%).",
  avg_duration: "Average length of a connected call (seconds).",
  avg_rating: "Average customer rating of completed visits (1 to 5).",
  calls_per_day: "Calls placed per day.",
  cost_per_booking: "Credits spent per booked call.",
};

function byKey<T, K, V>(rows: readonly T[], key: (row: T) => K, value: (row: T) => V): Map<K, V> {
  return new Map(rows.map((row) => [key(row), value(row)]));
}

function required<K, V>(map: Map<K, V>, key: K, what: string): V {
  const value = map.get(key);
  if (value === undefined) throw new Error(`Seed: no ${what} for ${String(key)}`);
  return value;
}

function hoursBefore(instant: Date, hours: number): Date {
  return new Date(instant.getTime() - hours * hourMs);
}

async function createOrganizationAndUsers(db: Database, profile: OrganizationProfile, shared: SharedSeedData, random: Random): Promise<OrganizationIds> {
  const plan = required(shared.plans, profile.planName, "plan");
  const oldestPayment = Math.max(...profile.payments.map((payment) => payment.monthsAgo), 0);
  const createdAt = new Date(shared.now.getTime() - (oldestPayment * 30 + 12) * dayMs);
  const organization = await db.organization.create({
    data: {
      name: profile.name,
      email: profile.email,
      phoneSales: profile.phoneSales,
      phoneSupport: profile.phoneSupport,
      phoneService: profile.phoneService,
      description: profile.description,
      location: profile.location,
      callConcurrencyLimit: profile.callConcurrencyLimit,
      serviceTypes: [...profile.serviceTypes],
      focusAreas: [...profile.focusAreas],
      hipaaCompliant: profile.hipaaCompliant,
      pciCompliant: profile.pciCompliant,
      planId: plan.id,
      creditBalance: profile.creditBalance,
      createdAt,
      updatedAt: hoursBefore(shared.now, random.int(24, 240)),
    },
    select: { id: true },
  });
  const passwordHash = await shared.passwordHash();
  const users = await db.user.createManyAndReturn({
    data: profile.users.map((user, index) => ({
      organizationId: organization.id,
      name: user.name,
      email: user.email,
      passwordHash,
      role: user.role,
      isActive: user.isActive,
      sessionVersion: user.isActive ? 0 : 1,
      lastSignInAt: user.isActive ? hoursBefore(shared.now, random.int(1, 72)) : hoursBefore(shared.now, random.int(40, 60) * 24),
      createdAt: new Date(createdAt.getTime() + index * hourMs),
    })),
    select: { id: true, email: true },
  });
  const userIds = byKey(users, (user) => user.email, (user) => user.id);
  const admin = profile.users.find((user) => user.role === "Admin");
  const manager = profile.users.find((user) => user.role === "Manager" && user.isActive);
  if (!admin || !manager) throw new Error(`Seed: ${profile.name} needs an Admin and an active Manager`);
  return {
    organizationId: organization.id,
    users: userIds,
    adminId: required(userIds, admin.email, "user"),
    managerId: required(userIds, manager.email, "user"),
  };
}

async function createAgents(db: Database, profile: OrganizationProfile, ids: OrganizationIds, now: Date): Promise<Map<string, bigint>> {
  const agents = await db.agent.createManyAndReturn({
    data: profile.agents.map((agent) => ({
      organizationId: ids.organizationId,
      name: agent.name,
      description: agent.description,
      voice: agent.voice,
      language: "en-US",
      isActive: agent.isActive,
      createdAt: new Date(now.getTime() - 100 * dayMs),
      updatedAt: new Date(now.getTime() - (agent.retiredDaysAgo ?? 20) * dayMs),
    })),
    select: { id: true, name: true },
  });
  return byKey(agents, (agent) => agent.name, (agent) => agent.id);
}

function scheduleConfigJson(profile: OrganizationProfile, campaign: PlannedCampaign): Prisma.InputJsonObject {
  return {
    version: 1,
    timezone: profile.timezone,
    startDate: isoDate(campaign.startDate),
    ...(campaign.endDate ? { endDate: isoDate(campaign.endDate) } : {}),
    windows: weeklyWindowsJson(profile.callingWindows),
    maxAttempts: profile.maxAttempts,
    retryDelayMinutes: profile.retryDelayMinutes,
    concurrency: Math.min(campaign.profile.concurrency, profile.callConcurrencyLimit),
  };
}

async function createCampaigns(db: Database, profile: OrganizationProfile, ids: OrganizationIds, campaigns: readonly PlannedCampaign[]): Promise<Map<string, bigint>> {
  const rows = await db.campaign.createManyAndReturn({
    data: campaigns.map((campaign) => ({
      organizationId: ids.organizationId,
      name: campaign.profile.name,
      description: campaign.profile.description,
      status: campaign.profile.status,
      type: campaign.profile.type,
      createdBy: ids.adminId,
      modifiedBy: campaign.profile.status === "Draft" ? null : ids.adminId,
      createdAt: campaign.createdAt,
      updatedAt: campaign.updatedAt,
    })),
    select: { id: true, name: true },
  });
  const campaignIds = byKey(rows, (row) => row.name, (row) => row.id);
  await db.scheduleConfig.createMany({
    data: campaigns
      .filter((campaign) => campaign.profile.status !== "Draft")
      .map((campaign) => ({
        organizationId: ids.organizationId,
        campaignId: required(campaignIds, campaign.profile.name, "campaign"),
        configJson: scheduleConfigJson(profile, campaign),
        createdAt: campaign.createdAt,
        updatedAt: campaign.createdAt,
      })),
  });
  return campaignIds;
}

async function createRecords(db: Database, ids: OrganizationIds, records: readonly PlannedRecord[], campaignIds: Map<string, bigint>): Promise<Map<string, bigint>> {
  const rows = await db.serviceRecord.createManyAndReturn({
    data: records.map((record) => ({
      organizationId: ids.organizationId,
      campaignId: record.campaignName ? required(campaignIds, record.campaignName, "campaign") : null,
      customerName: record.customerName,
      customerPhone: record.customerPhone,
      vehicleInfo: record.vehicleInfo,
      serviceType: record.serviceType,
      status: record.status,
      appointmentDate: record.appointmentDate,
      rating: record.rating,
      feedback: record.feedback,
      doNotCall: record.doNotCall,
      createdBy: ids.adminId,
      modifiedBy: record.updatedAt > record.createdAt ? ids.managerId : null,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    })),
    select: { id: true, customerPhone: true },
  });
  return byKey(rows, (row) => row.customerPhone ?? "", (row) => row.id);
}

type CallWithRecord = { call: PlannedCall; record: PlannedRecord };

async function createCalls(
  db: Database,
  ids: OrganizationIds,
  calls: readonly CallWithRecord[],
  lookups: { records: Map<string, bigint>; campaigns: Map<string, bigint>; agents: Map<string, bigint> },
): Promise<Map<string, bigint>> {
  const rows = await db.call.createManyAndReturn({
    data: calls.map(({ call, record }) => ({
      organizationId: ids.organizationId,
      serviceRecordId: required(lookups.records, record.customerPhone, "service record"),
      campaignId: record.campaignName ? required(lookups.campaigns, record.campaignName, "campaign") : null,
      agentId: required(lookups.agents, call.agentName, "agent"),
      customerNumber: record.customerPhone,
      direction: call.direction,
      startTime: call.startTime,
      endTime: call.endTime,
      durationSec: call.durationSec,
      status: call.status,
      externalId: call.externalId,
      outcome: call.outcome,
      reviewedAt: call.review?.reviewedAt ?? null,
      reviewedBy: call.review ? required(ids.users, call.review.reviewerEmail, "reviewer") : null,
      reviewNotes: call.review?.notes ?? null,
      createdAt: call.startTime,
      updatedAt: call.review?.reviewedAt ?? call.endTime,
    })),
    select: { id: true, externalId: true },
  });
  return byKey(rows, (row) => row.externalId ?? "", (row) => row.id);
}

async function createTranscripts(db: Database, ids: OrganizationIds, calls: readonly CallWithRecord[], callIds: Map<string, bigint>): Promise<number> {
  const turns = calls.flatMap(({ call }) => {
    const callId = required(callIds, call.externalId, "call");
    return call.turns.map((turn) => ({ callId, organizationId: ids.organizationId, role: turn.role, content: turn.content, timestamp: turn.timestamp }));
  });
  for (let offset = 0; offset < turns.length; offset += transcriptBatchSize) {
    await db.transcript.createMany({ data: turns.slice(offset, offset + transcriptBatchSize) });
  }
  return turns.length;
}

async function createAudioFiles(db: Database, profile: OrganizationProfile, ids: OrganizationIds, calls: readonly CallWithRecord[], callIds: Map<string, bigint>): Promise<void> {
  await db.audioFile.createMany({
    data: calls
      .filter(({ call }) => call.hasAudio)
      .map(({ call }) => {
        const callId = required(callIds, call.externalId, "call");
        return {
          organizationId: ids.organizationId,
          callId,
          filePath: `demo/${profile.slug}/call-${callId}.wav`,
          fileFormat: "wav",
          durationSec: call.durationSec,
          fileSizeBytes: BigInt(call.durationSec * 16000),
          createdAt: call.endTime,
        };
      }),
  });
  // One statement instead of an update per call: the URL is derived from each call's own id.
  await db.$executeRaw`
    UPDATE "call" SET "recording_url" = '/api/calls/' || "call"."id" || '/audio'
    FROM "audio_file"
    WHERE "audio_file"."call_id" = "call"."id" AND "call"."organization_id" = ${ids.organizationId}::uuid`;
}

async function createBookings(
  db: Database,
  ids: OrganizationIds,
  records: readonly PlannedRecord[],
  lookups: { records: Map<string, bigint>; campaigns: Map<string, bigint>; calls: Map<string, bigint> },
): Promise<void> {
  await db.booking.createMany({
    data: records.flatMap((record) =>
      record.bookings.map((booking) => ({
        organizationId: ids.organizationId,
        campaignId: record.campaignName ? required(lookups.campaigns, record.campaignName, "campaign") : null,
        serviceRecordId: required(lookups.records, record.customerPhone, "service record"),
        callId: booking.callExternalId ? required(lookups.calls, booking.callExternalId, "call") : null,
        scheduledTime: booking.scheduledTime,
        status: booking.status,
        createdBy: ids.managerId,
        modifiedBy: booking.updatedAt > booking.createdAt ? ids.managerId : null,
        createdAt: booking.createdAt,
        updatedAt: booking.updatedAt,
      })),
    ),
  });
}

async function createTags(db: Database, profile: OrganizationProfile, ids: OrganizationIds, calls: readonly CallWithRecord[], callIds: Map<string, bigint>, now: Date): Promise<void> {
  const tags = await db.tag.createManyAndReturn({
    data: profile.tags.map((name, index) => ({
      organizationId: ids.organizationId,
      name,
      nameKey: name.toLowerCase(),
      createdBy: index % 2 === 0 ? ids.adminId : ids.managerId,
      createdAt: new Date(now.getTime() - (90 - index) * dayMs),
    })),
    select: { id: true, name: true },
  });
  const tagIds = byKey(tags, (tag) => tag.name, (tag) => tag.id);
  await db.callTag.createMany({
    data: calls.flatMap(({ call }) =>
      call.tags.map((tag) => ({
        callId: required(callIds, call.externalId, "call"),
        tagId: required(tagIds, tag, "tag"),
        createdAt: call.review?.reviewedAt ?? new Date(Math.min(call.endTime.getTime() + hourMs, now.getTime())),
      })),
    ),
  });
}

async function createKpis(db: Database, profile: OrganizationProfile, ids: OrganizationIds, createdAt: Date, now: Date): Promise<void> {
  const core = (Object.keys(coreKpiDescriptions) as CoreKpiName[]).map((name) => ({
    organizationId: ids.organizationId,
    name,
    type: "Core" as const,
    metric: name,
    unit: kpiMetricInfo[name].unit,
    higherIsBetter: kpiMetricInfo[name].higherIsBetter,
    description: coreKpiDescriptions[name],
    targetValue: profile.coreKpiTargets[name],
    createdAt,
    updatedAt: createdAt,
  }));
  const custom = profile.customKpis.map((kpi) => ({
    organizationId: ids.organizationId,
    name: kpi.name,
    type: "Custom" as const,
    metric: "manual",
    unit: "%",
    description: kpi.description,
    targetValue: kpi.targetValue,
    createdAt,
    updatedAt: createdAt,
  }));
  const rows = await db.kpi.createManyAndReturn({ data: [...core, ...custom], select: { id: true, type: true, targetValue: true } });
  // Monthly values entered by hand for the custom KPIs: around their target, the last one a little under.
  const values = rows
    .filter((kpi) => kpi.type === "Custom")
    .flatMap((kpi) =>
      [3, 2, 1].map((monthsAgo) => {
        const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo, 1));
        const end = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - monthsAgo + 1, 0));
        const target = Number(kpi.targetValue ?? 0);
        return { organizationId: ids.organizationId, kpiId: kpi.id, periodStart: start, periodEnd: end, value: (target * (1.08 - monthsAgo * 0.05 + (monthsAgo === 1 ? -0.1 : 0))).toFixed(2), createdBy: ids.adminId };
      }),
    );
  await db.kpiValue.createMany({ data: values });
}

async function createSettings(db: Database, profile: OrganizationProfile, ids: OrganizationIds, createdAt: Date): Promise<void> {
  const values: [string, string][] = [
    ["timezone", profile.timezone],
    ["business_hours", JSON.stringify(weeklyWindowsJson(profile.businessHours))],
    ["caller_id", profile.phoneService],
    ["agent_greeting", profile.agentGreeting],
    ["retry_policy", JSON.stringify({ maxAttempts: profile.maxAttempts, retryDelayMinutes: profile.retryDelayMinutes })],
    [profile.customSetting.key, profile.customSetting.value],
  ];
  await db.setting.createMany({
    data: values.map(([key, value]) => ({ organizationId: ids.organizationId, key, value, createdAt, updatedAt: createdAt })),
  });
}

async function createInquiries(db: Database, profile: OrganizationProfile, ids: OrganizationIds, now: Date, random: Random): Promise<void> {
  await db.inquiry.createMany({
    data: profile.inquiries.map((inquiry) => {
      const createdAt = new Date(now.getTime() - inquiry.daysAgo * dayMs - random.int(1, 10) * hourMs);
      const touched = inquiry.status !== "New";
      return {
        organizationId: ids.organizationId,
        customerName: inquiry.customerName,
        email: inquiry.email,
        phone: inquiry.phone,
        message: inquiry.message,
        status: inquiry.status,
        createdAt,
        updatedAt: touched ? new Date(Math.min(createdAt.getTime() + random.int(2, 30) * hourMs, now.getTime())) : createdAt,
      };
    }),
  });
}

async function createBilling(db: Database, profile: OrganizationProfile, ids: OrganizationIds, shared: SharedSeedData): Promise<void> {
  const plan = required(shared.plans, profile.planName, "plan");
  await db.paymentHistory.createMany({
    data: profile.payments.map((payment) => {
      const paymentDate = new Date(shared.now.getTime() - (payment.monthsAgo * 30 + 2 - payment.dayShift) * dayMs);
      return {
        organizationId: ids.organizationId,
        planId: plan.id,
        userId: shared.superAdminId,
        amount: plan.price,
        paymentDate,
        method: payment.method,
        status: payment.status,
        createdAt: paymentDate,
        updatedAt: paymentDate,
      };
    }),
  });
  await db.dmsIntegration.createMany({
    data: profile.dmsIntegrations.map((integration) => ({
      organizationId: ids.organizationId,
      name: integration.name,
      type: integration.type,
      config: { dealerId: integration.dealerId, endpointUrl: integration.endpointUrl, syncIntervalMinutes: integration.syncIntervalMinutes },
      isActive: integration.isActive,
    })),
  });
}

/**
 * What the connected calls cost (started minutes × the plan's rate), as ledger entries whose running
 * balance ends at the organization's seeded balance, like the voice engine's debits would have left it.
 */
async function createCallDebits(db: Database, profile: OrganizationProfile, ids: OrganizationIds, calls: readonly CallWithRecord[], callIds: Map<string, bigint>, shared: SharedSeedData): Promise<void> {
  const rateInCents = Math.round(Number(required(shared.plans, profile.planName, "plan").ratePerMinute) * 10_000);
  const debits = calls
    .filter(({ call }) => call.status === "completed" && call.durationSec > 0)
    .sort((left, right) => left.call.endTime.getTime() - right.call.endTime.getTime())
    .map(({ call }) => ({ call, cents: Math.ceil((Math.ceil(call.durationSec / 60) * rateInCents) / 100) }));
  let balanceCents = Math.round(Number(profile.creditBalance) * 100);
  const entries = debits.reverse().map(({ call, cents }) => {
    const entry = {
      organizationId: ids.organizationId,
      amount: (-cents / 100).toFixed(2),
      balanceAfter: (balanceCents / 100).toFixed(2),
      kind: "call_debit",
      reason: `Call ${call.externalId}: ${Math.ceil(call.durationSec / 60)} started minutes`,
      callId: required(callIds, call.externalId, "call"),
      createdAt: call.endTime,
    };
    balanceCents += cents;
    return entry;
  });
  await db.creditTransaction.createMany({ data: entries.reverse() });
}

async function createAuditLog(
  db: Database,
  profile: OrganizationProfile,
  ids: OrganizationIds,
  context: { campaigns: readonly PlannedCampaign[]; campaignIds: Map<string, bigint>; records: readonly PlannedRecord[]; recordIds: Map<string, bigint>; now: Date },
): Promise<void> {
  const rows: Prisma.AuditLogCreateManyInput[] = [];
  const base = { organizationId: ids.organizationId, userId: ids.adminId };
  for (const campaign of context.campaigns.slice(0, 3)) {
    const entityId = String(required(context.campaignIds, campaign.profile.name, "campaign"));
    rows.push({ ...base, entity: "campaign", entityId, action: "create", timestamp: campaign.createdAt, newValue: { name: campaign.profile.name, type: campaign.profile.type, status: "Draft" } });
    if (campaign.profile.status !== "Draft") {
      rows.push({ ...base, entity: "campaign", entityId, action: "update", timestamp: campaign.updatedAt, oldValue: { status: "Draft" }, newValue: { status: campaign.profile.status } });
    }
  }
  const booked = context.records.find((record) => record.status === "Booked");
  if (booked) {
    rows.push({
      organizationId: ids.organizationId,
      userId: ids.managerId,
      entity: "service_record",
      entityId: String(required(context.recordIds, booked.customerPhone, "service record")),
      action: "update",
      timestamp: booked.updatedAt,
      oldValue: { status: "Scheduled", appointmentDate: null },
      newValue: { status: "Booked", appointmentDate: booked.appointmentDate?.toISOString() ?? null },
    });
  }
  rows.push({
    ...base,
    entity: "setting",
    entityId: "retry_policy",
    action: "update",
    timestamp: new Date(context.now.getTime() - 21 * dayMs),
    oldValue: { key: "retry_policy", value: JSON.stringify({ maxAttempts: 2, retryDelayMinutes: profile.retryDelayMinutes }) },
    newValue: { key: "retry_policy", value: JSON.stringify({ maxAttempts: profile.maxAttempts, retryDelayMinutes: profile.retryDelayMinutes }) },
  });
  const signIns = await db.user.findMany({ where: { organizationId: ids.organizationId, isActive: true }, select: { id: true, email: true, lastSignInAt: true } });
  for (const user of signIns) {
    rows.push({ organizationId: ids.organizationId, userId: user.id, entity: "session", entityId: String(user.id), action: "login", timestamp: user.lastSignInAt ?? context.now, newValue: { email: user.email } });
  }
  await db.auditLog.createMany({ data: rows });
}

/** Creates the organization and everything in it; false when an organization of that name exists already. */
export async function seedServiceCenter(db: Database, profile: OrganizationProfile, shared: SharedSeedData): Promise<boolean> {
  const existing = await db.organization.findUnique({ where: { name: profile.name }, select: { id: true } });
  if (existing) return false;

  const random = new Random(profile.seed);
  const plan = createPlanContext(profile, random, shared.now);
  const campaigns = planCampaigns(plan);
  const records = planRecords(plan);
  const calls = records.flatMap((record) => record.calls.map((call) => ({ call, record })));

  const ids = await createOrganizationAndUsers(db, profile, shared, random);
  const agentIds = await createAgents(db, profile, ids, shared.now);
  const campaignIds = await createCampaigns(db, profile, ids, campaigns);
  const recordIds = await createRecords(db, ids, records, campaignIds);
  const callIds = await createCalls(db, ids, calls, { records: recordIds, campaigns: campaignIds, agents: agentIds });
  await createTranscripts(db, ids, calls, callIds);
  await createAudioFiles(db, profile, ids, calls, callIds);
  await createBookings(db, ids, records, { records: recordIds, campaigns: campaignIds, calls: callIds });
  await createTags(db, profile, ids, calls, callIds, shared.now);
  await createCallDebits(db, profile, ids, calls, callIds, shared);

  const setupTime = new Date(shared.now.getTime() - 100 * dayMs);
  await createKpis(db, profile, ids, setupTime, shared.now);
  await createSettings(db, profile, ids, setupTime);
  await createInquiries(db, profile, ids, shared.now, random);
  await createBilling(db, profile, ids, shared);
  await createAuditLog(db, profile, ids, { campaigns, campaignIds, records, recordIds, now: shared.now });
  return true;
}

