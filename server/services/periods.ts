import type { PeriodPreset } from "@/lib/validation/dashboard";
import { dateTimeFormat } from "@/lib/intl";

/** First and last day (inclusive), as YYYY-MM-DD in the organization's time zone. */
export type DayRange = { from: string; to: string };

/** The calendar date of an instant in a time zone, as YYYY-MM-DD. */
export function localDate(instant: Date, timeZone: string): string {
  return dateTimeFormat({ timeZone, year: "numeric", month: "2-digit", day: "2-digit" }, "en-CA").format(instant);
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
