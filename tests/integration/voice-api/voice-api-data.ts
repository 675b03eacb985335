import crypto from "node:crypto";
import type { Database } from "@/server/db";
import { generateApiKey } from "@/server/services/api-keys";

// Data for the voice engine API tests: each test gets its own organization, so calls in flight,
// campaigns and credit of one test never reach another.

/** Monday 2026-11-30, 10:00 in New York: inside the default window. */
export const mondayMorning = new Date("2026-11-30T15:00:00Z");

export const defaultSchedule = {
  version: 1,
  timezone: "America/New_York",
  startDate: "2026-01-05",
  windows: { mon: [{ start: "09:00", end: "12:00" }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  maxAttempts: 3,
  retryDelayMinutes: 60,
  concurrency: 10,
};
export type ScheduleJson = typeof defaultSchedule;

/** An API key for the organization, created as the Settings page or `apikey:create` would. */
export async function createApiKey(db: Database, organizationId: string): Promise<{ key: string; id: bigint }> {
  const { key, keyHash, prefix } = generateApiKey();
  const row = await db.apiKey.create({ data: { organizationId, name: `Engine ${prefix}`, prefix, keyHash } });
  return { key, id: row.id };
}

export type TestOrganization = { id: string; key: string; keyId: bigint; agentId: bigint };

/** A service center with the Growth plan (rate 0.18/min, limit 200), an agent and an API key. */
export async function createOrganization(db: Database, options: { creditBalance?: string; callConcurrencyLimit?: number; planId?: number | null; isActive?: boolean } = {}): Promise<TestOrganization> {
  const suffix = crypto.randomBytes(4).toString("hex");
  const plan = options.planId === undefined ? await db.plan.findFirst({ where: { name: "Growth" }, select: { id: true } }) : null;
  const organization = await db.organization.create({
    data: {
      name: `Voice test ${suffix}`,
      email: `voice-${suffix}@example.test`,
      creditBalance: options.creditBalance ?? "100.00",
      callConcurrencyLimit: options.callConcurrencyLimit ?? 20,
      planId: options.planId === undefined ? (plan?.id ?? null) : options.planId,
      isActive: options.isActive ?? true,
    },
  });
  const agent = await db.agent.create({ data: { organizationId: organization.id, name: "Ava", voice: "alloy", description: "Service reminders" } });
  const { key, id } = await createApiKey(db, organization.id);
  return { id: organization.id, key, keyId: id, agentId: agent.id };
}

/** A campaign with a schedule and `records` callable service records (each with a phone number). */
export async function createCampaign(
  db: Database,
  organizationId: string,
  options: { status?: string; schedule?: Partial<ScheduleJson>; records?: number } = {},
): Promise<{ id: bigint; recordIds: bigint[] }> {
  const campaign = await db.campaign.create({ data: { organizationId, name: `Campaign ${crypto.randomBytes(4).toString("hex")}`, status: options.status ?? "Active", type: "service_reminder" } });
  await db.scheduleConfig.create({ data: { organizationId, campaignId: campaign.id, configJson: { ...defaultSchedule, ...options.schedule } } });
  const recordIds: bigint[] = [];
  for (let index = 0; index < (options.records ?? 1); index += 1) {
    const record = await db.serviceRecord.create({
      data: {
        organizationId,
        campaignId: campaign.id,
        customerName: `Customer ${index + 1}`,
        customerPhone: `+1614555${String(1000 + index).padStart(4, "0")}`,
        vehicleInfo: "2019 Honda Civic",
        serviceType: "Oil change",
        appointmentDate: new Date("2026-12-03T14:00:00Z"),
      },
    });
    recordIds.push(record.id);
  }
  return { id: campaign.id, recordIds };
}

export function apiRequest(method: string, path: string, key: string | null, body?: unknown, headers: Record<string, string> = {}): Request {
  return new Request(`http://localhost${path}`, {
    method,
    headers: { ...(key ? { authorization: `Bearer ${key}` } : {}), ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
}

export type ClaimedCallJson = { call_id: string; attempt: number; campaign: { id: string; name: string }; agent: { id: string; name: string } | null; customer: { name: string | null; phone: string }; vehicle: { description: string | null }; service: { record_id: string; type: string | null; appointment_date: string | null } };
export type ClaimJson = { calls: ClaimedCallJson[]; blocked: string | null };
