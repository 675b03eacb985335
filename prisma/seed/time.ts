// Calendar arithmetic in an organization's time zone, without a date library: demo calls and
// bookings must fall inside local business hours whatever the server's own time zone is.

export type CalendarDay = { year: number; month: number; day: number };
export type TimeWindow = { start: string; end: string };
export type WeekdayKey = "mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun";
export type WeeklyWindows = Record<WeekdayKey, TimeWindow[]>;

/** Monday first, the order used in JSON settings and schedule configs. */
export const weekdayKeys: readonly WeekdayKey[] = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];
const weekdayKeysFromSunday: readonly WeekdayKey[] = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

const minuteMs = 60_000;
export const hourMs = 60 * minuteMs;
export const dayMs = 24 * hourMs;

const formatters = new Map<string, Intl.DateTimeFormat>();
function wallClockFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

function wallClockParts(instant: Date, timeZone: string): Record<string, number> {
  const parts: Record<string, number> = {};
  for (const part of wallClockFormatter(timeZone).formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return parts;
}

/** Milliseconds the zone's wall clock is ahead of UTC at that instant. */
function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = wallClockParts(instant, timeZone);
  const wallClockAsUtc = Date.UTC(parts.year ?? 0, (parts.month ?? 1) - 1, parts.day ?? 1, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return wallClockAsUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

export function calendarDayIn(instant: Date, timeZone: string): CalendarDay {
  const parts = wallClockParts(instant, timeZone);
  return { year: parts.year ?? 0, month: parts.month ?? 1, day: parts.day ?? 1 };
}

function asUtcDate(day: CalendarDay): Date {
  return new Date(Date.UTC(day.year, day.month - 1, day.day));
}

export function addDays(day: CalendarDay, days: number): CalendarDay {
  const date = asUtcDate(day);
  date.setUTCDate(date.getUTCDate() + days);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

export function weekdayOf(day: CalendarDay): WeekdayKey {
  return weekdayKeysFromSunday[asUtcDate(day).getUTCDay()] ?? "mon";
}

/** The instant at which the zone's wall clock shows that day and minute of the day. */
export function instantAt(day: CalendarDay, minuteOfDay: number, timeZone: string): Date {
  const guess = Date.UTC(day.year, day.month - 1, day.day, 0, minuteOfDay);
  const first = guess - zoneOffsetMs(new Date(guess), timeZone);
  return new Date(guess - zoneOffsetMs(new Date(first), timeZone));
}

/** "2026-12-02" */
export function isoDate(day: CalendarDay): string {
  return `${day.year}-${String(day.month).padStart(2, "0")}-${String(day.day).padStart(2, "0")}`;
}

/** "Wednesday, December 2" */
export function spokenDate(day: CalendarDay): string {
  return asUtcDate(day).toLocaleDateString("en-US", { timeZone: "UTC", weekday: "long", month: "long", day: "numeric" });
}

/** "09:30" */
export function clock(minuteOfDay: number): string {
  return `${String(Math.floor(minuteOfDay / 60)).padStart(2, "0")}:${String(minuteOfDay % 60).padStart(2, "0")}`;
}

/** "9:30 AM" */
export function spokenTime(minuteOfDay: number): string {
  const hour = Math.floor(minuteOfDay / 60);
  const minute = minuteOfDay % 60;
  const suffix = hour < 12 ? "AM" : "PM";
  const hour12 = hour % 12 === 0 ? 12 : hour % 12;
  return minute === 0 ? `${hour12} ${suffix}` : `${hour12}:${String(minute).padStart(2, "0")} ${suffix}`;
}

export function parseClock(value: string): number {
  const [hours, minutes] = value.split(":").map(Number);
  return (hours ?? 0) * 60 + (minutes ?? 0);
}

export function addMinutes(instant: Date, minutes: number): Date {
  return new Date(instant.getTime() + minutes * minuteMs);
}

export function addSeconds(instant: Date, seconds: number): Date {
  return new Date(instant.getTime() + seconds * 1000);
}

/** The windows of a week as the JSON object the settings and schedule configs store, Monday first. */
export function weeklyWindowsJson(windows: WeeklyWindows): Record<WeekdayKey, TimeWindow[]> {
  const ordered = {} as Record<WeekdayKey, TimeWindow[]>;
  for (const key of weekdayKeys) ordered[key] = windows[key].map((window) => ({ start: window.start, end: window.end }));
  return ordered;
}
