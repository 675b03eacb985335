// Date-time inputs in the organization's time zone (apart from the forms: the booking board needs them too).
import { dateTimeFormat } from "./intl";

/** "YYYY-MM-DDTHH:MM" in the organization's time zone, for a datetime-local input. */
export function localInputValue(date: Date | null, timeZone: string): string {
  if (!date) return "";
  const parts = Object.fromEntries(dateTimeFormat({ timeZone, year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" }, "en-CA").formatToParts(date).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}`;
}

/** A local "YYYY-MM-DDTHH:MM" in the time zone as an instant. */
export function zonedToDate(value: string, timeZone: string): Date {
  const asUtc = new Date(`${value}:00Z`);
  const shown = new Date(localInputValue(asUtc, timeZone) + ":00Z");
  return new Date(asUtc.getTime() - (shown.getTime() - asUtc.getTime()));
}
