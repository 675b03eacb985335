import { minutesOfDay, weekdays } from "@/lib/validation/schedule";
import type { ScheduleConfig, Weekday } from "@/lib/validation/schedule";
import { localDate } from "./periods";

const weekdayByUtcDay: Weekday[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];
const maxPlannedDays = 366;

/** The calendar date (YYYY-MM-DD) it is now in the time zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return localDate(now, timeZone);
}

export function weekdayOf(isoDate: string): Weekday {
  return weekdayByUtcDay[new Date(`${isoDate}T12:00:00Z`).getUTCDay()]!;
}

function nextDate(isoDate: string): string {
  const date = new Date(`${isoDate}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + 1);
  return date.toISOString().slice(0, 10);
}

export function callingMinutesOn(config: ScheduleConfig, day: Weekday): number {
  return config.windows[day].reduce((sum, window) => sum + minutesOfDay(window.end) - minutesOfDay(window.start), 0);
}

export function callingMinutesPerWeek(config: ScheduleConfig): number {
  return weekdays.reduce((sum, day) => sum + callingMinutesOn(config, day), 0);
}

export type CallingPlan = { callingDays: number; firstDay: string | null; lastDay: string | null; fitsBeforeEndDate: boolean; callsPerFullDay: number };

/**
 * Walks the calendar from the later of the start date and today, filling each day's windows with
 * `concurrency` parallel lines of `secondsPerCall` each, until `expectedCalls` are placed.
 */
export function planCallingDays(config: ScheduleConfig, expectedCalls: number, secondsPerCall: number, today: string): CallingPlan {
  const perMinuteOfWindow = (60 / Math.max(secondsPerCall, 1)) * config.concurrency;
  const busiestDay = Math.max(...weekdays.map((day) => callingMinutesOn(config, day)));
  const callsPerFullDay = Math.floor(busiestDay * perMinuteOfWindow);
  if (expectedCalls <= 0) return { callingDays: 0, firstDay: null, lastDay: null, fitsBeforeEndDate: true, callsPerFullDay };
  let remaining = expectedCalls;
  let day = config.startDate > today ? config.startDate : today;
  let firstDay: string | null = null;
  let callingDays = 0;
  for (let step = 0; step < maxPlannedDays * 2 && remaining > 0; step += 1, day = nextDate(day)) {
    const capacity = Math.floor(callingMinutesOn(config, weekdayOf(day)) * perMinuteOfWindow);
    if (capacity <= 0) continue;
    firstDay ??= day;
    callingDays += 1;
    remaining -= capacity;
    if (remaining <= 0) return { callingDays, firstDay, lastDay: day, fitsBeforeEndDate: !config.endDate || day <= config.endDate, callsPerFullDay };
  }
  return { callingDays, firstDay, lastDay: null, fitsBeforeEndDate: false, callsPerFullDay };
}
