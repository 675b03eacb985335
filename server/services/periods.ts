import type { PeriodPreset } from "@/lib/validation/dashboard";
import { dateTimeFormat } from "@/lib/intl";

/** First and last day (inclusive), as YYYY-MM-DD in the organization's time zone. */
export type DayRange = { from: string; to: string };

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  return dateTimeFormat({ timeZone, year: "numeric", month: "2-digit", day: "2-digit" }, "en-CA").format(instant);
}

function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = dateTimeFormat({ timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((item) => item.type === type)?.value ?? 0);
  const wallClock = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wallClock - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a calendar day (YYYY-MM-DD) starts in a time zone (around a DST change the offset is checked twice). */
export function startOfDayIn(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(year, month - 1, date);
  const firstGuess = utcMidnight - zoneOffsetMs(new Date(utcMidnight), timeZone);
  return new Date(utcMidnight - zoneOffsetMs(new Date(firstGuess), timeZone));
}

export function addDays(date: string, days: number): string {
  const day = new Date(`${date}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + days);
  return day.toISOString().slice(0, 10);
}

export function daysBetween(range: DayRange): number {
  return Math.round((Date.parse(`${range.to}T00:00:00Z`) - Date.parse(`${range.from}T00:00:00Z`)) / 86_400_000) + 1;
}

const presetLengths: Record<Exclude<PeriodPreset, "custom">, number> = { today: 1, "7d": 7, "30d": 30, "90d": 90 };

export function resolvePeriod(period: { period: PeriodPreset; from?: string; to?: string }, timeZone: string, now = new Date()): DayRange {
  if (period.period === "custom" && period.from && period.to) return { from: period.from, to: period.to };
  const today = localDate(now, timeZone);
  const length = presetLengths[period.period === "custom" ? "30d" : period.period];
  return { from: addDays(today, 1 - length), to: today };
}

/** The period of the same length just before this one (for trends). */
export function previousPeriod(range: DayRange): DayRange {
  const length = daysBetween(range);
  return { from: addDays(range.from, -length), to: addDays(range.from, -1) };
}

/** Every day of the range, in order. */
export function eachDay(range: DayRange): string[] {
  return Array.from({ length: daysBetween(range) }, (_, index) => addDays(range.from, index));
}
