import { Prisma } from "../generated/prisma/client";
import type { Database } from "../db";
import { eachDay } from "./periods";
import type { DayRange } from "./periods";

// The metrics of DESIGN.md, computed in PostgreSQL with aggregates over indexed columns (never by
// loading rows): one place that the dashboard, the KPIs and the campaign lists all use.
//   attempted = calls placed in the period; connected = status completed; connect rate = connected / attempted
//   booked = connected calls with a booking whose call_id is theirs; booking rate = booked / connected
//   show rate = bookings Completed / (Completed + NoShow) among bookings scheduled in the period
//   average duration over connected calls; average rating over service records rated in the period
//   cost per booking = credits debited for calls / booked

export type MetricScope = {
  organizationId: string;
  timeZone: string;
  range: DayRange;
  campaignId?: bigint;
  /** Only calls, bookings and ratings of service records of this service type. */
  serviceType?: string;
  /** Only calls that ended with this outcome. */
  outcome?: string;
};

type RawQuery = Pick<Database, "$queryRaw">;

function bounds(scope: MetricScope) {
  return Prisma.sql`SELECT (${scope.range.from}::date)::timestamp AT TIME ZONE ${scope.timeZone} AS start_at,
                           ((${scope.range.to}::date) + 1)::timestamp AT TIME ZONE ${scope.timeZone} AS end_at`;
}

function campaignIs(scope: MetricScope, column: Prisma.Sql) {
  return scope.campaignId === undefined ? Prisma.empty : Prisma.sql`AND ${column} = ${scope.campaignId}`;
}

function serviceTypeIs(scope: MetricScope, recordColumn: Prisma.Sql) {
  if (scope.serviceType === undefined) return Prisma.empty;
  return Prisma.sql`AND ${recordColumn} IN (SELECT sr.id FROM service_record sr WHERE sr.organization_id = ${scope.organizationId}::uuid AND sr.service_type = ${scope.serviceType})`;
}

/** The calls of the period and, among the connected ones, those that led to a booking. */
function periodCalls(scope: MetricScope) {
  return Prisma.sql`
    bounds AS (${bounds(scope)}),
    period_calls AS (
      SELECT c.id, c.status, c.duration_sec, c.campaign_id
        FROM "call" c, bounds
       WHERE c.organization_id = ${scope.organizationId}::uuid
         AND c.start_time >= bounds.start_at AND c.start_time < bounds.end_at
         ${campaignIs(scope, Prisma.sql`c.campaign_id`)}
         ${serviceTypeIs(scope, Prisma.sql`c.service_record_id`)}
         ${scope.outcome === undefined ? Prisma.empty : Prisma.sql`AND c.outcome = ${scope.outcome}`}
    ),
    booked_calls AS (
      SELECT DISTINCT ON (b.call_id) b.call_id, b.status AS booking_status, b.service_record_id, pc.campaign_id
        FROM booking b JOIN period_calls pc ON pc.id = b.call_id
       WHERE b.organization_id = ${scope.organizationId}::uuid AND pc.status = 'completed'
       ORDER BY b.call_id, b.id
    )`;
}

export type Metrics = {
  attempted: number;
  connected: number;
  booked: number;
  showed: number;
  serviceCompleted: number;
  connectRate: number | null;
  bookingRate: number | null;
  showRate: number | null;
  averageDurationSec: number | null;
  averageRating: number | null;
  ratedRecords: number;
  creditsDebited: Prisma.Decimal;
  costPerBooking: Prisma.Decimal | null;
  callsPerDay: number;
};

type MetricsRow = {
  attempted: bigint;
  connected: bigint;
  booked: bigint;
  showed: bigint;
  service_completed: bigint;
  average_duration: Prisma.Decimal | null;
  bookings_completed: bigint;
  bookings_no_show: bigint;
  average_rating: Prisma.Decimal | null;
  rated_records: bigint;
  credits_debited: Prisma.Decimal | null;
};

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const toNumber = (value: Prisma.Decimal | null) => (value === null ? null : Number(value));

export async function computeMetrics(db: RawQuery, scope: MetricScope, days: number): Promise<Metrics> {
  const [row] = await db.$queryRaw<MetricsRow[]>`
    WITH ${periodCalls(scope)}
    SELECT
      (SELECT count(*) FROM period_calls) AS attempted,
      (SELECT count(*) FROM period_calls WHERE status = 'completed') AS connected,
      (SELECT avg(duration_sec) FROM period_calls WHERE status = 'completed') AS average_duration,
      (SELECT count(*) FROM booked_calls) AS booked,
      (SELECT count(*) FROM booked_calls WHERE booking_status = 'Completed') AS showed,
      (SELECT count(*) FROM booked_calls bc JOIN service_record sr ON sr.id = bc.service_record_id WHERE sr.status = 'Completed') AS service_completed,
      (SELECT count(*) FROM booking b, bounds
        WHERE b.organization_id = ${scope.organizationId}::uuid AND b.status = 'Completed'
          AND b.scheduled_time >= bounds.start_at AND b.scheduled_time < bounds.end_at ${campaignIs(scope, Prisma.sql`b.campaign_id`)}
          ${serviceTypeIs(scope, Prisma.sql`b.service_record_id`)}) AS bookings_completed,
      (SELECT count(*) FROM booking b, bounds
        WHERE b.organization_id = ${scope.organizationId}::uuid AND b.status = 'NoShow'
          AND b.scheduled_time >= bounds.start_at AND b.scheduled_time < bounds.end_at ${campaignIs(scope, Prisma.sql`b.campaign_id`)}
          ${serviceTypeIs(scope, Prisma.sql`b.service_record_id`)}) AS bookings_no_show,
      (SELECT avg(sr.rating) FROM service_record sr, bounds
        WHERE sr.organization_id = ${scope.organizationId}::uuid AND sr.rating IS NOT NULL
          AND sr.updated_at >= bounds.start_at AND sr.updated_at < bounds.end_at ${campaignIs(scope, Prisma.sql`sr.campaign_id`)}
          ${serviceTypeIs(scope, Prisma.sql`sr.id`)}) AS average_rating,
      (SELECT count(*) FROM service_record sr, bounds
        WHERE sr.organization_id = ${scope.organizationId}::uuid AND sr.rating IS NOT NULL
          AND sr.updated_at >= bounds.start_at AND sr.updated_at < bounds.end_at ${campaignIs(scope, Prisma.sql`sr.campaign_id`)}
          ${serviceTypeIs(scope, Prisma.sql`sr.id`)}) AS rated_records,
      (SELECT -sum(ct.amount) FROM credit_transaction ct LEFT JOIN "call" c ON c.id = ct.call_id, bounds
        WHERE ct.organization_id = ${scope.organizationId}::uuid AND ct.kind = 'call_debit'
          AND ct.created_at >= bounds.start_at AND ct.created_at < bounds.end_at ${campaignIs(scope, Prisma.sql`c.campaign_id`)}
          ${serviceTypeIs(scope, Prisma.sql`c.service_record_id`)}
          ${scope.outcome === undefined ? Prisma.empty : Prisma.sql`AND c.outcome = ${scope.outcome}`}) AS credits_debited`;
  const attempted = Number(row!.attempted);
  const connected = Number(row!.connected);
  const booked = Number(row!.booked);
  const completedBookings = Number(row!.bookings_completed);
  const creditsDebited = new Prisma.Decimal(row!.credits_debited ?? 0);
  return {
    attempted,
    connected,
    booked,
    showed: Number(row!.showed),
    serviceCompleted: Number(row!.service_completed),
    connectRate: ratio(connected, attempted),
    bookingRate: ratio(booked, connected),
    showRate: ratio(completedBookings, completedBookings + Number(row!.bookings_no_show)),
    averageDurationSec: toNumber(row!.average_duration),
    averageRating: toNumber(row!.average_rating),
    ratedRecords: Number(row!.rated_records),
    creditsDebited,
    costPerBooking: booked === 0 ? null : creditsDebited.dividedBy(booked).toDecimalPlaces(2),
    callsPerDay: attempted / Math.max(days, 1),
  };
}

export async function bookingsByCampaign(db: RawQuery, scope: MetricScope): Promise<{ campaignId: bigint | null; name: string; booked: number }[]> {
  const rows = await db.$queryRaw<{ campaign_id: bigint | null; name: string | null; booked: bigint }[]>`
    WITH ${periodCalls(scope)}
    SELECT bc.campaign_id, cp.name, count(*) AS booked
      FROM booked_calls bc LEFT JOIN campaign cp ON cp.id = bc.campaign_id
     GROUP BY bc.campaign_id, cp.name
     ORDER BY booked DESC, cp.name`;
  return rows.map((row) => ({ campaignId: row.campaign_id, name: row.name ?? "No campaign", booked: Number(row.booked) }));
}

export type DailyCalls = { day: string; total: number; byStatus: Record<string, number> };

/** Calls per local day of the period, by status; days without calls are present with zeros. */
export async function callsByDay(db: RawQuery, scope: MetricScope): Promise<DailyCalls[]> {
  const rows = await db.$queryRaw<{ day: string; status: string; calls: bigint }[]>`
    WITH bounds AS (${bounds(scope)})
    SELECT to_char(c.start_time AT TIME ZONE ${scope.timeZone}, 'YYYY-MM-DD') AS day, c.status, count(*) AS calls
      FROM "call" c, bounds
     WHERE c.organization_id = ${scope.organizationId}::uuid
       AND c.start_time >= bounds.start_at AND c.start_time < bounds.end_at
       ${campaignIs(scope, Prisma.sql`c.campaign_id`)}
     GROUP BY 1, 2`;
  const days = new Map(eachDay(scope.range).map((day) => [day, { day, total: 0, byStatus: {} as Record<string, number> }]));
  for (const row of rows) {
    const entry = days.get(row.day);
    if (!entry) continue;
    entry.byStatus[row.status] = Number(row.calls);
    entry.total += Number(row.calls);
  }
  return [...days.values()];
}

/** Average daily call debits over the last 30 days, for "days of credit left". */
export async function averageDailyDebit(db: RawQuery, organizationId: string): Promise<Prisma.Decimal> {
  const [row] = await db.$queryRaw<{ debited: Prisma.Decimal | null }[]>`
    SELECT -sum(amount) AS debited FROM credit_transaction
     WHERE organization_id = ${organizationId}::uuid AND kind = 'call_debit' AND created_at >= now() - interval '30 days'`;
  return new Prisma.Decimal(row?.debited ?? 0).dividedBy(30);
}
