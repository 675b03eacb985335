import { Prisma } from "../generated/prisma/client";
import { openBookingStatuses } from "@/lib/validation/booking";
import { minutesOfDay } from "@/lib/validation/schedule";
import type { ScheduleConfig, Weekday } from "@/lib/validation/schedule";
import { todayIn, weekdayOf } from "./schedule";
import { dateTimeFormat } from "@/lib/intl";

// THE eligibility rule for calling a service record in a campaign, shared by the campaign preview and
// the voice engine's dial queue (which adds the time-of-day, retry-delay and concurrency parts on top).
// A record is eligible when it belongs to the campaign, is not do-not-call, has no open booking
// (Pending or Confirmed), and has had fewer outbound calls than the schedule's maxAttempts.
// The SQL reads `service_record` under the alias `sr`; raw SQL is not org-scoped, so the organization is part of the rule.

export type EligibilityParams = { organizationId: string; campaignId: bigint; maxAttempts: number };

/**
 * Outbound calls made to `sr` so far (each claimed call is one attempt, whatever its result): a column
 * kept by triggers on call (migration dial_queue_attempt_counters), so that the dial queue can walk the
 * records in attempts order on an index; `sr.last_attempt_at` is the moment of the last one.
 */
export const attemptsMadeSql = Prisma.sql`sr.outbound_attempts`;

/** WHERE conditions over `service_record AS sr`. */
export function eligibleRecordConditions({ organizationId, campaignId, maxAttempts }: EligibilityParams): Prisma.Sql {
  return Prisma.sql`sr.organization_id = ${organizationId}::uuid
    AND sr.campaign_id = ${campaignId}
    AND sr.do_not_call = false
    AND NOT EXISTS (
      SELECT 1 FROM "booking" AS open_booking
       WHERE open_booking.service_record_id = sr.id AND open_booking.organization_id = sr.organization_id
         AND open_booking.status IN (${Prisma.join([...openBookingStatuses])})
    )
    AND ${attemptsMadeSql} < ${maxAttempts}`;
}

/** Whether the organization is past its credit limit: balance below -plan.credit_limit (0 without a plan). Campaigns cannot be activated and the queue stops. */
export function pastCreditLimitSql(organizationId: string): Prisma.Sql {
  return Prisma.sql`SELECT (o.credit_balance < -COALESCE(p.credit_limit, 0)) AS past_limit
    FROM "organization" AS o LEFT JOIN "plan" AS p ON p.id = o.plan_id WHERE o.id = ${organizationId}::uuid`;
}

type RawQuery = { $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Prisma.PrismaPromise<T> };

export async function isPastCreditLimit(db: RawQuery, organizationId: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ past_limit: boolean }[]>(pastCreditLimitSql(organizationId));
  return rows[0]?.past_limit ?? false;
}

export type EligibilitySummary = { eligible: number; byAttemptsLeft: { attemptsLeft: number; records: number }[]; excluded: { doNotCall: number; openBooking: number; noAttemptsLeft: number; total: number } };

/** How many records of the campaign are eligible, grouped by the attempts they have left, and why the others are not. One query each, no per-record work. */
export async function eligibilitySummary(db: RawQuery, params: EligibilityParams): Promise<EligibilitySummary> {
  const [grouped, reasons] = await Promise.all([
    db.$queryRaw<{ attempts_left: number; records: number }[]>(Prisma.sql`
      SELECT (${params.maxAttempts} - ${attemptsMadeSql})::int AS attempts_left, count(*)::int AS records
        FROM "service_record" AS sr
       WHERE ${eligibleRecordConditions(params)}
       GROUP BY 1 ORDER BY 1`),
    db.$queryRaw<{ total: number; do_not_call: number; open_booking: number; no_attempts_left: number }[]>(Prisma.sql`
      SELECT count(*)::int AS total,
             count(*) FILTER (WHERE sr.do_not_call)::int AS do_not_call,
             count(*) FILTER (WHERE EXISTS (
               SELECT 1 FROM "booking" AS open_booking
                WHERE open_booking.service_record_id = sr.id AND open_booking.organization_id = sr.organization_id
                  AND open_booking.status IN (${Prisma.join([...openBookingStatuses])})))::int AS open_booking,
             count(*) FILTER (WHERE ${attemptsMadeSql} >= ${params.maxAttempts})::int AS no_attempts_left
        FROM "service_record" AS sr
       WHERE sr.organization_id = ${params.organizationId}::uuid AND sr.campaign_id = ${params.campaignId}`),
  ]);
  const byAttemptsLeft = grouped.map((row) => ({ attemptsLeft: Number(row.attempts_left), records: Number(row.records) }));
  const reason = reasons[0];
  return {
    eligible: byAttemptsLeft.reduce((sum, row) => sum + row.records, 0),
    byAttemptsLeft,
    excluded: {
      total: Number(reason?.total ?? 0),
      doNotCall: Number(reason?.do_not_call ?? 0),
      openBooking: Number(reason?.open_booking ?? 0),
      noAttemptsLeft: Number(reason?.no_attempts_left ?? 0),
    },
  };
}

// The dial queue's part of the rule: what the preview counts, narrowed to who may be called right now.

/** Outbound calls in these states hold a line (and their record) until they finish or are released. */
export const inFlightCallStatuses = ["queued", "ringing", "in_progress"] as const;

export type DialQueueParams = EligibilityParams & { retryDelayMinutes: number; now: Date };

/** WHERE conditions over `service_record AS sr` for records the dial queue may hand out at `now`. */
export function dialQueueRecordConditions(params: DialQueueParams): Prisma.Sql {
  const retryCutoff = new Date(params.now.getTime() - params.retryDelayMinutes * 60_000);
  return Prisma.sql`${eligibleRecordConditions(params)}
    AND coalesce(sr.customer_phone, '') <> ''
    AND coalesce(sr.last_attempt_at <= ${retryCutoff}::timestamptz, true)
    AND NOT EXISTS (
      SELECT 1 FROM "call" AS in_flight
       WHERE in_flight.service_record_id = sr.id AND in_flight.direction = 'outbound' AND in_flight.organization_id = sr.organization_id
         AND in_flight.status IN (${Prisma.join([...inFlightCallStatuses])})
    )`;
}

/** The local date (YYYY-MM-DD), weekday and minute of the day at `now` in the time zone. */
export function localClock(timeZone: string, now: Date): { date: string; weekday: Weekday; minute: number } {
  const parts = dateTimeFormat({ timeZone, hourCycle: "h23", hour: "2-digit", minute: "2-digit" }).formatToParts(now);
  const part = (type: string) => Number(parts.find((item) => item.type === type)?.value ?? 0);
  const date = todayIn(timeZone, now);
  return { date, weekday: weekdayOf(date), minute: part("hour") * 60 + part("minute") };
}

/** Whether `now` lies inside one of the schedule's windows, in the schedule's time zone, between its start and end dates. */
export function isCallingTime(schedule: ScheduleConfig, now: Date): boolean {
  const clock = localClock(schedule.timezone, now);
  if (clock.date < schedule.startDate || (schedule.endDate && clock.date > schedule.endDate)) return false;
  return schedule.windows[clock.weekday].some((window) => minutesOfDay(window.start) <= clock.minute && clock.minute < minutesOfDay(window.end));
}

/** Active campaigns call; a Scheduled one calls (and becomes Active) once its start date has come in its time zone. */
export function campaignCallState(status: string, schedule: ScheduleConfig, now: Date): "active" | "activate" | null {
  if (status === "Active") return "active";
  if (status === "Scheduled" && todayIn(schedule.timezone, now) >= schedule.startDate) return "activate";
  return null;
}
