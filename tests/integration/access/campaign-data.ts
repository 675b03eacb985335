import type { Fixtures } from "../../helpers/fixtures";
import type { TestDatabase } from "../../helpers/db";
import type { CallerName, StateReader } from "./matrix";

// Rows of the first organization (Sunrise) that the campaign-operations entries use as real ids.

export const weekdaySchedule = {
  version: 1 as const,
  timezone: "America/New_York",
  startDate: "2026-01-05",
  windows: { mon: [{ start: "09:00", end: "12:00" }], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] },
  maxAttempts: 3,
  retryDelayMinutes: 60,
  concurrency: 2,
};

let sequence = 0;
export const unique = (label: string) => `${label} ${Date.now().toString(36)}-${(sequence += 1)}`;

/** A fresh Sunrise campaign (with a schedule unless told otherwise) and one record with a call, a booking and an inquiry. */
export async function sunriseRows(database: TestDatabase, f: Fixtures, options: { schedule?: boolean; status?: string } = {}) {
  const { db } = database;
  const organizationId = f.sunrise.id;
  const campaign = await db.campaign.create({ data: { organizationId, name: unique("Sunrise campaign"), status: options.status ?? "Draft", createdBy: f.sunriseAdmin.id } });
  if (options.schedule !== false) await db.scheduleConfig.create({ data: { organizationId, campaignId: campaign.id, configJson: weekdaySchedule } });
  const record = await db.serviceRecord.create({ data: { organizationId, campaignId: campaign.id, customerName: unique("Customer"), customerPhone: "+16145550100", vehicleInfo: "2019 Honda Civic" } });
  const call = await db.call.create({ data: { organizationId, serviceRecordId: record.id, campaignId: campaign.id, status: "no_answer" } });
  const bareRecord = await db.serviceRecord.create({ data: { organizationId, campaignId: campaign.id, customerName: unique("Bare customer"), customerPhone: "+16145550101" } });
  const booking = await db.booking.create({ data: { organizationId, campaignId: campaign.id, serviceRecordId: record.id, callId: call.id, scheduledTime: new Date("2026-12-01T15:00:00Z") } });
  const inquiry = await db.inquiry.create({ data: { organizationId, customerName: unique("Inquirer"), phone: "+16145550102", message: "Brakes squeak" } });
  return { campaign, record, bareRecord, call, booking, inquiry };
}

/** Everything of Sunrise that a campaign-operations mutation could touch, and its audit rows. */
export const sunriseOperationsState: StateReader = async (database, f) => {
  const where = { organizationId: f.sunrise.id };
  const orderBy = { id: "asc" } as const;
  const [campaigns, schedules, records, bookings, inquiries, auditRows] = await Promise.all([
    database.db.campaign.findMany({ where, orderBy }),
    database.db.scheduleConfig.findMany({ where, orderBy }),
    database.db.serviceRecord.findMany({ where, orderBy }),
    database.db.booking.findMany({ where, orderBy }),
    database.db.inquiry.findMany({ where, orderBy }),
    database.db.auditLog.count({ where }),
  ]);
  return { campaigns, schedules, records, bookings, inquiries, auditRows };
};

/** Callers who work in Sunrise itself; the others (super admin in the platform, Bayview) must not reach its rows. */
export const worksInSunrise = (caller: CallerName) => caller === "admin" || caller === "manager";

export function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) => (typeof item === "bigint" ? item.toString() : item));
}
