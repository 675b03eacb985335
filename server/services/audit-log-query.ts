import type { AuditLogFilter } from "@/lib/validation/audit-log";
import { defaultTimezone } from "@/lib/value-sets";
import type { Prisma } from "@/server/generated/prisma/client";
import { dateTimeFormat } from "@/lib/intl";

// Shared by auditLog.list and the CSV export: the same filter means the same rows.

function zoneOffsetMs(instant: Date, timeZone: string): number {
  const parts = dateTimeFormat({ timeZone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit" }).formatToParts(instant);
  const part = (type: string) => Number(parts.find((item) => item.type === type)?.value ?? 0);
  const wallClock = Date.UTC(part("year"), part("month") - 1, part("day"), part("hour"), part("minute"), part("second"));
  return wallClock - Math.floor(instant.getTime() / 1000) * 1000;
}

/** The instant a calendar day (YYYY-MM-DD) starts in a time zone. */
export function startOfDayIn(day: string, timeZone: string): Date {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  const utcMidnight = Date.UTC(year, month - 1, date);
  const firstGuess = utcMidnight - zoneOffsetMs(new Date(utcMidnight), timeZone);
  return new Date(utcMidnight - zoneOffsetMs(new Date(firstGuess), timeZone));
}

function nextDay(day: string): string {
  const [year, month, date] = day.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, date + 1)).toISOString().slice(0, 10);
}

/** Filter → where; days are read in the organization's time zone, `to` is inclusive. */
export function auditLogWhere(organizationId: string, filter: AuditLogFilter, timeZone = defaultTimezone): Prisma.AuditLogWhereInput {
  const timestamp: Prisma.DateTimeFilter = {};
  if (filter.from) timestamp.gte = startOfDayIn(filter.from, timeZone);
  if (filter.to) timestamp.lt = startOfDayIn(nextDay(filter.to), timeZone);
  return {
    organizationId,
    ...(filter.userId ? { userId: filter.userId } : {}),
    ...(filter.entity ? { entity: filter.entity } : {}),
    ...(filter.action ? { action: filter.action } : {}),
    ...(filter.from || filter.to ? { timestamp } : {}),
  };
}

/**
 * Rows after the cursor in (timestamp desc, id desc). Written as `timestamp <= t AND (timestamp < t OR id < i)`
 * so that PostgreSQL range-scans the (organization_id, timestamp desc, id desc) index.
 */
export function afterCursor(where: Prisma.AuditLogWhereInput, cursor: { timestamp: Date; id: bigint } | null | undefined): Prisma.AuditLogWhereInput {
  if (!cursor) return where;
  return {
    AND: [where, { timestamp: { lte: cursor.timestamp } }, { OR: [{ timestamp: { lt: cursor.timestamp } }, { id: { lt: cursor.id } }] }],
  };
}

export const auditLogOrder: Prisma.AuditLogOrderByWithRelationInput[] = [{ timestamp: "desc" }, { id: "desc" }];
