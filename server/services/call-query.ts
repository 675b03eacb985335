import { TRPCError } from "@trpc/server";
import { Prisma } from "@/server/generated/prisma/client";
import type { CallFilters, CallSort } from "@/lib/validation/call";
import { addDays, startOfDayIn } from "./periods";

// The call log's filters, once for Prisma (list, counts, neighbors) and once as SQL (search),
// so that both paths filter the same way.

function digitsOf(value: string): string {
  return value.replace(/\D/g, "");
}

export type FilterOptions = { timeZone: string; ignoreStatus?: boolean };

export function callWhere(filters: CallFilters, { timeZone, ignoreStatus }: FilterOptions): Prisma.CallWhereInput {
  const and: Prisma.CallWhereInput[] = [];
  if (filters.from) and.push({ startTime: { gte: startOfDayIn(filters.from, timeZone) } });
  if (filters.to) and.push({ startTime: { lt: startOfDayIn(addDays(filters.to, 1), timeZone) } });
  if (filters.status && !ignoreStatus) and.push({ status: filters.status });
  if (filters.direction) and.push({ direction: filters.direction });
  if (filters.campaignId) and.push({ campaignId: filters.campaignId });
  if (filters.agentId) and.push({ agentId: filters.agentId });
  if (filters.customerNumber && digitsOf(filters.customerNumber)) and.push({ customerNumber: { contains: digitsOf(filters.customerNumber) } });
  if (filters.minDuration !== undefined) and.push({ durationSec: { gte: filters.minDuration } });
  if (filters.maxDuration !== undefined) and.push({ durationSec: { lte: filters.maxDuration } });
  if (filters.outcome) and.push({ outcome: filters.outcome });
  if (filters.reviewed) and.push({ reviewedAt: filters.reviewed === "yes" ? { not: null } : null });
  if (filters.tagId) and.push({ tags: { some: { tagId: filters.tagId } } });
  if (filters.hasBooking) and.push({ bookings: filters.hasBooking === "yes" ? { some: {} } : { none: {} } });
  return and.length ? { AND: and } : {};
}

/** An instant as a SQL parameter: Prisma sends a Date without its zone, which the server would read in its own. */
function instantSql(instant: Date): Prisma.Sql {
  return Prisma.sql`${instant.toISOString()}::timestamptz`;
}

/** The same filters as SQL over the alias `c` (the call table); organization scoping is the caller's job. */
export function callWhereSql(filters: CallFilters, timeZone: string): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.from) parts.push(Prisma.sql`c.start_time >= ${instantSql(startOfDayIn(filters.from, timeZone))}`);
  if (filters.to) parts.push(Prisma.sql`c.start_time < ${instantSql(startOfDayIn(addDays(filters.to, 1), timeZone))}`);
  if (filters.status) parts.push(Prisma.sql`c.status = ${filters.status}`);
  if (filters.direction) parts.push(Prisma.sql`c.direction = ${filters.direction}`);
  if (filters.campaignId) parts.push(Prisma.sql`c.campaign_id = ${filters.campaignId}`);
  if (filters.agentId) parts.push(Prisma.sql`c.agent_id = ${filters.agentId}`);
  if (filters.customerNumber && digitsOf(filters.customerNumber)) parts.push(Prisma.sql`strpos(c.customer_number, ${digitsOf(filters.customerNumber)}) > 0`);
  if (filters.minDuration !== undefined) parts.push(Prisma.sql`c.duration_sec >= ${filters.minDuration}`);
  if (filters.maxDuration !== undefined) parts.push(Prisma.sql`c.duration_sec <= ${filters.maxDuration}`);
  if (filters.outcome) parts.push(Prisma.sql`c.outcome = ${filters.outcome}`);
  if (filters.reviewed) parts.push(filters.reviewed === "yes" ? Prisma.sql`c.reviewed_at IS NOT NULL` : Prisma.sql`c.reviewed_at IS NULL`);
  if (filters.tagId) parts.push(Prisma.sql`EXISTS (SELECT 1 FROM call_tag ct WHERE ct.call_id = c.id AND ct.tag_id = ${filters.tagId})`);
  if (filters.hasBooking) {
    const exists = Prisma.sql`EXISTS (SELECT 1 FROM booking b WHERE b.call_id = c.id AND b.organization_id = c.organization_id)`;
    parts.push(filters.hasBooking === "yes" ? exists : Prisma.sql`NOT ${exists}`);
  }
  return Prisma.join(parts, " AND ");
}

// ---------------------------------------------------------------------------------------------
// Keyset pagination over a nullable column (start_time or duration_sec), nulls always last, id as tiebreak.

type SortColumn = "startTime" | "durationSec";
type SortSpec = { column: SortColumn; direction: "asc" | "desc" };

export function sortSpec(sort: CallSort): SortSpec {
  const [key, direction] = sort.split("_") as ["time" | "duration", "asc" | "desc"];
  return { column: key === "time" ? "startTime" : "durationSec", direction };
}

export function callOrderBy({ column, direction }: SortSpec): Prisma.CallOrderByWithRelationInput[] {
  return [{ [column]: { sort: direction, nulls: "last" } }, { id: direction }];
}

type CursorValue = { value: string | number | null; id: string };

export function encodeCursor(row: { id: bigint; startTime: Date | null; durationSec: number | null }, column: SortColumn): string {
  const value = column === "startTime" ? (row.startTime?.toISOString() ?? null) : row.durationSec;
  return Buffer.from(JSON.stringify({ value, id: row.id.toString() } satisfies CursorValue)).toString("base64url");
}

function decodeCursor(cursor: string, column: SortColumn): { value: Date | number | null; id: bigint } {
  try {
    const parsed = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as CursorValue;
    if (typeof parsed.id !== "string" || !/^\d+$/.test(parsed.id)) throw new Error("bad id");
    const id = BigInt(parsed.id);
    if (parsed.value === null) return { value: null, id };
    if (column === "startTime" && typeof parsed.value === "string" && !Number.isNaN(Date.parse(parsed.value))) return { value: new Date(parsed.value), id };
    if (column === "durationSec" && typeof parsed.value === "number" && Number.isInteger(parsed.value)) return { value: parsed.value, id };
    throw new Error("bad value");
  } catch {
    throw new TRPCError({ code: "BAD_REQUEST", message: "This page link is no longer valid. Reload the list." });
  }
}

/** The rows strictly after the cursor in the given order. */
export function afterCursor(cursor: string, spec: SortSpec): Prisma.CallWhereInput {
  const { value, id } = decodeCursor(cursor, spec.column);
  const beyond = spec.direction === "desc" ? "lt" : "gt";
  if (value === null) return { [spec.column]: null, id: { [beyond]: id } };
  return {
    OR: [{ [spec.column]: { [beyond]: value } }, { [spec.column]: value, id: { [beyond]: id } }, { [spec.column]: null }],
  };
}

/** The rows strictly before the cursor row (for "previous" in the same order). */
export function beforeRow(row: { id: bigint; startTime: Date | null; durationSec: number | null }, spec: SortSpec): Prisma.CallWhereInput {
  const value = row[spec.column];
  const before = spec.direction === "desc" ? "gt" : "lt";
  if (value === null) return { OR: [{ [spec.column]: { not: null } }, { [spec.column]: null, id: { [before]: row.id } }] };
  return { OR: [{ [spec.column]: { [before]: value } }, { [spec.column]: value, id: { [before]: row.id } }] };
}

export function reverseOrder(spec: SortSpec): Prisma.CallOrderByWithRelationInput[] {
  const direction = spec.direction === "desc" ? "asc" : "desc";
  return [{ [spec.column]: { sort: direction, nulls: "first" } }, { id: direction }];
}

// The same keyset pages as SQL (the list reads through $queryRaw). Prisma can only say the cursor condition as
// `col < v OR (col = v AND id < i) OR col IS NULL`, which PostgreSQL applies as a filter while it walks the index
// from the top (50,000 rows deep = 50,000 index entries). Here the rows with a value are the row comparison
// `(col, id) < (v, i)`, a range that starts at the cursor, and the null tail (always last) is its own range.

const sortColumns: Record<SortColumn, string> = { startTime: "start_time", durationSec: "duration_sec" };

function orderSql({ column, direction }: SortSpec, alias = "c"): Prisma.Sql {
  const dir = direction === "desc" ? "DESC" : "ASC";
  const prefix = alias ? `${alias}.` : "";
  return Prisma.raw(`${prefix}${sortColumns[column]} ${dir} NULLS LAST, ${prefix}id ${dir}`);
}

export function orderBySql(spec: SortSpec): Prisma.Sql {
  return Prisma.sql`ORDER BY ${orderSql(spec)}`;
}

/**
 * `SELECT columns FROM call c WHERE where` for the `limit` rows after the cursor (or the first ones) in the
 * order of `spec`. `where` must hold the organization.
 */
export function keysetPageSql(columns: Prisma.Sql, where: Prisma.Sql, spec: SortSpec, cursor: string | null, limit: number): Prisma.Sql {
  const column = Prisma.raw(`c.${sortColumns[spec.column]}`);
  const order = orderSql(spec);
  const select = (condition: Prisma.Sql) => Prisma.sql`SELECT ${columns} FROM "call" c WHERE ${where} AND ${condition} ORDER BY ${order} LIMIT ${limit}`;
  if (!cursor) return Prisma.sql`SELECT ${columns} FROM "call" c WHERE ${where} ORDER BY ${order} LIMIT ${limit}`;
  const { value, id } = decodeCursor(cursor, spec.column);
  const beyond = Prisma.raw(spec.direction === "desc" ? "<" : ">");
  const nullTail = (after: Prisma.Sql) => select(Prisma.sql`${column} IS NULL AND ${after}`);
  if (value === null) return nullTail(Prisma.sql`c.id ${beyond} ${id}::bigint`);
  const valueSql = value instanceof Date ? instantSql(value) : Prisma.sql`${value}::int`;
  const withValue = select(Prisma.sql`(${column}, c.id) ${beyond} (${valueSql}, ${id}::bigint)`);
  // Both ranges are index scans that stop at `limit`; the union's order is the page's (its columns unqualified).
  return Prisma.sql`(${withValue}) UNION ALL (${nullTail(Prisma.sql`TRUE`)}) ORDER BY ${Prisma.raw(orderSql(spec, "").text)} LIMIT ${limit}`;
}
