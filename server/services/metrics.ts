import { Prisma } from "../generated/prisma/client";
import type { Database } from "../db";
import { defaultTimezone } from "@/lib/value-sets";
import { eachDay } from "./periods";
import type { DayRange } from "./periods";

// The metrics of DESIGN.md, computed in PostgreSQL with aggregates (never by loading rows): one place
// that the dashboard, the KPIs and the platform view all use.
//   attempted = calls placed in the period; connected = status completed; connect rate = connected / attempted
//   booked = connected calls with a booking whose call_id is theirs; booking rate = booked / connected
//   show rate = bookings Completed / (Completed + NoShow) among bookings scheduled in the period
//   average duration over connected calls; average rating over service records rated in the period
//   cost per booking = credits debited for the calls placed in the period / booked
// Call figures come from call_daily_stat, the daily rollup that database triggers keep up to date in the
// transaction of every write to calls, bookings, debits and service records (migration call_daily_stats):
// a period sums a few hundred rows per day instead of reading every call. Show rate and ratings read
// bookings and service records directly, on their own indexes.
// The queries return sums and counts per organization; every ratio and average is taken from those in
// `toMetrics`, so a platform total (sums over organizations) follows exactly the same definitions.

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

/**
 * Which organizations a query covers: one (with the time zone given), or every service center of the
 * platform (each with its own time zone setting) when `organizationId` is left out.
 */
export type MetricSelection = Omit<MetricScope, "organizationId" | "timeZone"> & { organizationId?: string; timeZone?: string };

type RawQuery = Pick<Database, "$queryRaw">;

/** One row per organization: its period's first and last instant in its time zone, and its balance. */
function scopeRows(selection: MetricSelection) {
  const timeZone = selection.timeZone === undefined ? Prisma.sql`coalesce(nullif(tz.value, ''), ${defaultTimezone})` : Prisma.sql`${selection.timeZone}::text`;
  // The platform's own organization (its super admins) runs no calls: it is no service center.
  const which =
    selection.organizationId === undefined
      ? Prisma.sql`NOT EXISTS (SELECT 1 FROM "user" u WHERE u.organization_id = o.id AND u.role = 'SuperAdmin')`
      : Prisma.sql`o.id = ${selection.organizationId}::uuid`;
  return Prisma.sql`
    SELECT o.id AS organization_id, o.name, o.is_active, o.credit_balance, zone.time_zone,
           (${selection.range.from}::date)::timestamp AT TIME ZONE zone.time_zone AS start_at,
           ((${selection.range.to}::date) + 1)::timestamp AT TIME ZONE zone.time_zone AS end_at
      FROM organization o
      LEFT JOIN setting tz ON tz.organization_id = o.id AND tz.key = 'timezone'
      CROSS JOIN LATERAL (SELECT ${timeZone} AS time_zone) zone
     WHERE ${which}`;
}

function campaignIs(selection: MetricSelection, column: Prisma.Sql) {
  return selection.campaignId === undefined ? Prisma.empty : Prisma.sql`AND ${column} = ${selection.campaignId}`;
}

function serviceTypeIs(selection: MetricSelection, recordColumn: Prisma.Sql, organizationColumn: Prisma.Sql) {
  if (selection.serviceType === undefined) return Prisma.empty;
  return Prisma.sql`AND ${recordColumn} IN (SELECT typed.id FROM service_record typed WHERE typed.organization_id = ${organizationColumn} AND typed.service_type = ${selection.serviceType})`;
}

/**
 * The rollup rows of the period's local days (each organization's rollup is kept in its own time zone):
 * call_daily_total unless a service type or an outcome narrows the figures.
 */
function dailyStats(selection: MetricSelection) {
  const narrowed = selection.serviceType !== undefined || selection.outcome !== undefined;
  return Prisma.sql`
    SELECT st.organization_id, st.day, st.campaign_id, st.status, st.calls, st.duration_sum, st.durations, st.booked, st.showed,
           st.service_completed, st.credits_debited
      FROM ${narrowed ? Prisma.sql`call_daily_stat` : Prisma.sql`call_daily_total`} st JOIN scope s ON st.organization_id = s.organization_id
     WHERE st.day >= ${selection.range.from}::date AND st.day <= ${selection.range.to}::date
       ${campaignIs(selection, Prisma.sql`st.campaign_id`)}
       ${selection.serviceType === undefined ? Prisma.empty : Prisma.sql`AND st.service_type = ${selection.serviceType}`}
       ${selection.outcome === undefined ? Prisma.empty : Prisma.sql`AND st.outcome = ${selection.outcome}`}`;
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

type FigureRow = {
  organization_id: string | null;
  name: string | null;
  is_active: boolean | null;
  time_zone: string | null;
  credit_balance: Prisma.Decimal;
  attempted: bigint;
  connected: bigint;
  duration_sum: bigint;
  durations: bigint;
  booked: bigint;
  showed: bigint;
  service_completed: bigint;
  bookings_completed: bigint;
  bookings_no_show: bigint;
  rating_sum: bigint;
  rated_records: bigint;
  credits_debited: Prisma.Decimal;
};

const ratio = (part: number, whole: number) => (whole === 0 ? null : part / whole);

/** Every ratio and average of DESIGN.md, from the sums and counts of one organization or of many. */
function toMetrics(row: FigureRow, days: number): Metrics {
  const attempted = Number(row.attempted);
  const connected = Number(row.connected);
  const booked = Number(row.booked);
  const completedBookings = Number(row.bookings_completed);
  const ratedRecords = Number(row.rated_records);
  const creditsDebited = new Prisma.Decimal(row.credits_debited);
  return {
    attempted,
    connected,
    booked,
    showed: Number(row.showed),
    serviceCompleted: Number(row.service_completed),
    connectRate: ratio(connected, attempted),
    bookingRate: ratio(booked, connected),
    showRate: ratio(completedBookings, completedBookings + Number(row.bookings_no_show)),
    averageDurationSec: ratio(Number(row.duration_sum), Number(row.durations)),
    averageRating: ratio(Number(row.rating_sum), ratedRecords),
    ratedRecords,
    creditsDebited,
    costPerBooking: booked === 0 ? null : creditsDebited.dividedBy(booked).toDecimalPlaces(2),
    callsPerDay: attempted / Math.max(days, 1),
  };
}

/**
 * The sums and counts behind the metrics, one row per organization in the selection, plus (with
 * `withTotal`) a row with organization_id NULL that adds them all up (ROLLUP): one query either way.
 */
async function figureRows(db: RawQuery, selection: MetricSelection, withTotal: boolean): Promise<FigureRow[]> {
  return db.$queryRaw<FigureRow[]>`
    WITH scope AS (${scopeRows(selection)}),
    call_figures AS (
      SELECT organization_id, sum(calls) AS attempted, sum(calls) FILTER (WHERE status = 'completed') AS connected,
             sum(duration_sum) AS duration_sum, sum(durations) AS durations, sum(booked) AS booked, sum(showed) AS showed,
             sum(service_completed) AS service_completed, sum(credits_debited) AS credits_debited
        FROM (${dailyStats(selection)}) st GROUP BY organization_id
    ),
    show_figures AS (
      SELECT b.organization_id, count(*) FILTER (WHERE b.status = 'Completed') AS bookings_completed,
             count(*) FILTER (WHERE b.status = 'NoShow') AS bookings_no_show
        FROM booking b JOIN scope s ON b.organization_id = s.organization_id
       WHERE b.status IN ('Completed', 'NoShow') AND b.scheduled_time >= s.start_at AND b.scheduled_time < s.end_at
         ${campaignIs(selection, Prisma.sql`b.campaign_id`)}
         ${serviceTypeIs(selection, Prisma.sql`b.service_record_id`, Prisma.sql`b.organization_id`)}
       GROUP BY b.organization_id
    ),
    rating_figures AS (
      SELECT sr.organization_id, sum(sr.rating) AS rating_sum, count(*) AS rated_records
        FROM service_record sr JOIN scope s ON sr.organization_id = s.organization_id
       WHERE sr.rating IS NOT NULL AND sr.rated_at >= s.start_at AND sr.rated_at < s.end_at
         ${campaignIs(selection, Prisma.sql`sr.campaign_id`)}
         ${selection.serviceType === undefined ? Prisma.empty : Prisma.sql`AND sr.service_type = ${selection.serviceType}`}
       GROUP BY sr.organization_id
    )
    SELECT s.organization_id, min(s.name) AS name, bool_and(s.is_active) AS is_active, min(s.time_zone) AS time_zone,
           coalesce(sum(s.credit_balance), 0)::numeric AS credit_balance,
           coalesce(sum(cf.attempted), 0)::bigint AS attempted,
           coalesce(sum(cf.connected), 0)::bigint AS connected,
           coalesce(sum(cf.duration_sum), 0)::bigint AS duration_sum,
           coalesce(sum(cf.durations), 0)::bigint AS durations,
           coalesce(sum(cf.booked), 0)::bigint AS booked,
           coalesce(sum(cf.showed), 0)::bigint AS showed,
           coalesce(sum(cf.service_completed), 0)::bigint AS service_completed,
           coalesce(sum(sf.bookings_completed), 0)::bigint AS bookings_completed,
           coalesce(sum(sf.bookings_no_show), 0)::bigint AS bookings_no_show,
           coalesce(sum(rf.rating_sum), 0)::bigint AS rating_sum,
           coalesce(sum(rf.rated_records), 0)::bigint AS rated_records,
           coalesce(sum(cf.credits_debited), 0)::numeric AS credits_debited
      FROM scope s
      LEFT JOIN call_figures cf ON cf.organization_id = s.organization_id
      LEFT JOIN show_figures sf ON sf.organization_id = s.organization_id
      LEFT JOIN rating_figures rf ON rf.organization_id = s.organization_id
     GROUP BY ${withTotal ? Prisma.sql`ROLLUP (s.organization_id)` : Prisma.sql`s.organization_id`}`;
}

export async function computeMetrics(db: RawQuery, scope: MetricScope, days: number): Promise<Metrics> {
  const [row] = await figureRows(db, scope, false);
  if (!row) throw new Error(`Organization ${scope.organizationId} does not exist.`);
  return toMetrics(row, days);
}

export type OrganizationFigures = {
  organizationId: string;
  name: string;
  isActive: boolean;
  timeZone: string;
  creditBalance: Prisma.Decimal;
  metrics: Metrics;
};

/**
 * The metrics of every service center for the same calendar days, each counted in its own time zone,
 * and the platform total with the same definitions (ratios of the summed counts, never averages of
 * ratios). One query for all organizations.
 */
export async function computePlatformMetrics(db: RawQuery, range: DayRange, days: number): Promise<{ organizations: OrganizationFigures[]; total: { creditBalance: Prisma.Decimal; metrics: Metrics } }> {
  const rows = await figureRows(db, { range }, true);
  const totalRow = rows.find((row) => row.organization_id === null);
  const organizations = rows
    .filter((row) => row.organization_id !== null)
    .map((row) => ({
      organizationId: row.organization_id!,
      name: row.name!,
      isActive: row.is_active!,
      timeZone: row.time_zone!,
      creditBalance: new Prisma.Decimal(row.credit_balance),
      metrics: toMetrics(row, days),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  // ROLLUP over no organizations at all yields no total row: an empty platform adds up to zeros.
  const total = totalRow ?? emptyFigures;
  return { organizations, total: { creditBalance: new Prisma.Decimal(total.credit_balance), metrics: toMetrics(total, days) } };
}

const emptyFigures: FigureRow = {
  organization_id: null,
  name: null,
  is_active: null,
  time_zone: null,
  credit_balance: new Prisma.Decimal(0),
  attempted: 0n,
  connected: 0n,
  duration_sum: 0n,
  durations: 0n,
  booked: 0n,
  showed: 0n,
  service_completed: 0n,
  bookings_completed: 0n,
  bookings_no_show: 0n,
  rating_sum: 0n,
  rated_records: 0n,
  credits_debited: new Prisma.Decimal(0),
};

export async function bookingsByCampaign(db: RawQuery, scope: MetricScope): Promise<{ campaignId: bigint | null; name: string; booked: number }[]> {
  const rows = await db.$queryRaw<{ campaign_id: bigint; name: string | null; booked: bigint }[]>`
    WITH scope AS (${scopeRows(scope)})
    SELECT st.campaign_id, cp.name, sum(st.booked)::bigint AS booked
      FROM (${dailyStats(scope)}) st LEFT JOIN campaign cp ON cp.id = st.campaign_id
     GROUP BY st.campaign_id, cp.name
    HAVING sum(st.booked) > 0
     ORDER BY booked DESC, cp.name`;
  return rows.map((row) => ({ campaignId: row.campaign_id === 0n ? null : row.campaign_id, name: row.name ?? "No campaign", booked: Number(row.booked) }));
}

export type DailyCalls = { day: string; total: number; byStatus: Record<string, number> };

/** Calls per local day of the period, by status; days without calls are present with zeros. */
export async function callsByDay(db: RawQuery, scope: MetricScope): Promise<DailyCalls[]> {
  const rows = await db.$queryRaw<{ day: string; status: string; calls: bigint }[]>`
    WITH scope AS (${scopeRows(scope)})
    SELECT to_char(st.day, 'YYYY-MM-DD') AS day, st.status, sum(st.calls)::bigint AS calls
      FROM (${dailyStats(scope)}) st
     GROUP BY 1, 2
    HAVING sum(st.calls) > 0`;
  const days = new Map(eachDay(scope.range).map((day) => [day, { day, total: 0, byStatus: {} as Record<string, number> }]));
  for (const row of rows) {
    const entry = days.get(row.day);
    if (!entry) continue;
    entry.byStatus[row.status] = Number(row.calls);
    entry.total += Number(row.calls);
  }
  return [...days.values()];
}

export type DailyComparison = { day: string; own: number; others: number };

/**
 * Calls per local day (each organization's own days) of one organization and of all the other
 * service centers together, in one query; days without calls are present with zeros.
 */
export async function callsByDayAgainstOthers(db: RawQuery, range: DayRange, organizationId: string): Promise<DailyComparison[]> {
  const rows = await db.$queryRaw<{ day: string; own: bigint; others: bigint }[]>`
    WITH scope AS (${scopeRows({ range })})
    SELECT to_char(st.day, 'YYYY-MM-DD') AS day,
           coalesce(sum(st.calls) FILTER (WHERE st.organization_id = ${organizationId}::uuid), 0)::bigint AS own,
           coalesce(sum(st.calls) FILTER (WHERE st.organization_id <> ${organizationId}::uuid), 0)::bigint AS others
      FROM (${dailyStats({ range })}) st
     GROUP BY 1`;
  const byDay = new Map(rows.map((row) => [row.day, row]));
  return eachDay(range).map((day) => ({ day, own: Number(byDay.get(day)?.own ?? 0), others: Number(byDay.get(day)?.others ?? 0) }));
}

/** Average daily debit for the calls of the last 30 local days up to `today`, for "days of credit left". */
export async function averageDailyDebit(db: RawQuery, organizationId: string, today: string): Promise<Prisma.Decimal> {
  const [row] = await db.$queryRaw<{ debited: Prisma.Decimal | null }[]>`
    SELECT sum(credits_debited) AS debited FROM call_daily_total
     WHERE organization_id = ${organizationId}::uuid AND day > ${today}::date - 30 AND day <= ${today}::date`;
  return new Prisma.Decimal(row?.debited ?? 0).dividedBy(30);
}

/** Connected calls nobody has reviewed yet, over all time. */
export async function callsWaitingForReview(db: RawQuery, organizationId: string): Promise<number> {
  const [row] = await db.$queryRaw<{ waiting: bigint | null }[]>`
    SELECT sum(unreviewed)::bigint AS waiting FROM call_daily_total WHERE organization_id = ${organizationId}::uuid AND status = 'completed'`;
  return Number(row?.waiting ?? 0);
}
