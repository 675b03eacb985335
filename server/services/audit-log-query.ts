import type { AuditLogFilter } from "@/lib/validation/audit-log";
import { defaultTimezone } from "@/lib/value-sets";
import type { Prisma } from "@/server/generated/prisma/client";
import { addDays, startOfDayIn } from "./periods";

// Shared by auditLog.list and the CSV export: the same filter means the same rows.

/** Filter → where; days are read in the organization's time zone, `to` is inclusive. */
export function auditLogWhere(organizationId: string, filter: AuditLogFilter, timeZone = defaultTimezone): Prisma.AuditLogWhereInput {
  const timestamp: Prisma.DateTimeFilter = {};
  if (filter.from) timestamp.gte = startOfDayIn(filter.from, timeZone);
  if (filter.to) timestamp.lt = startOfDayIn(addDays(filter.to, 1), timeZone);
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
