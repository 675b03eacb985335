import { Prisma } from "../generated/prisma/client";
import type { Database } from "../db";

export type CallsPerDay = { day: string; calls: number }[];

/** Calls started per UTC day over the last `days` days, every day present (0 when none), oldest first. */
export async function callsPerDay(db: Database, days: number, organizationId?: string): Promise<CallsPerDay> {
  const since = new Date(Date.now() - (days - 1) * 86_400_000);
  since.setUTCHours(0, 0, 0, 0);
  const organizationFilter = organizationId ? Prisma.sql`AND organization_id = ${organizationId}::uuid` : Prisma.empty;
  const rows = await db.$queryRaw<{ day: string; calls: bigint }[]>`
    SELECT to_char(date_trunc('day', start_time AT TIME ZONE 'UTC'), 'YYYY-MM-DD') AS day, count(*)::bigint AS calls
      FROM "call"
     WHERE start_time >= ${since} ${organizationFilter}
     GROUP BY 1`;
  const byDay = new Map(rows.map((row) => [row.day, Number(row.calls)]));
  return Array.from({ length: days }, (_, index) => {
    const day = new Date(since.getTime() + index * 86_400_000).toISOString().slice(0, 10);
    return { day, calls: byDay.get(day) ?? 0 };
  });
}

/** Organizations below zero or within a tenth of their limit (see lib/credit-status.ts), lowest first. */
export function organizationsNearLimit(db: Database) {
  return db.$queryRaw<{ id: string; name: string; credit_balance: Prisma.Decimal; credit_limit: Prisma.Decimal }[]>`
    SELECT o.id::text AS id, o.name, o.credit_balance, COALESCE(p.credit_limit, 0) AS credit_limit
      FROM "organization" AS o LEFT JOIN "plan" AS p ON p.id = o.plan_id
     WHERE o.is_active AND NOT EXISTS (SELECT 1 FROM "user" AS u WHERE u.organization_id = o.id AND u.role = 'SuperAdmin')
       AND (o.credit_balance < 0 OR o.credit_balance <= COALESCE(p.credit_limit, 0) * 0.1)
     ORDER BY o.credit_balance ASC
     LIMIT 20`;
}

export function startOfMonthUtc(now = new Date()): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}
