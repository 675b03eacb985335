import { TRPCError } from "@trpc/server";
import { formatPhone } from "@/lib/format-phone";
import type { CallFilters, CallSort } from "@/lib/validation/call";
import type { ScopedDatabase } from "@/server/db/scoped";
import { Prisma } from "@/server/generated/prisma/client";
import type { TranscriptRole } from "@/server/generated/prisma/enums";
import { afterCursor, beforeRow, callOrderBy, callWhere, callWhereSql, encodeCursor, keysetPageSql, orderBySql, reverseOrder, sortSpec } from "./call-query";

// Reads of the call log through the organization-scoped client: list pages, status counts,
// the neighbours of a call in a list, the filter options and one call with everything on its page.

export type CallListItem = {
  id: bigint;
  startTime: Date | null;
  durationSec: number | null;
  customerNumber: string | null;
  /** customerNumber as people read it (lib/format-phone), so that the browser needs no phone metadata. */
  customerNumberDisplay: string;
  direction: string;
  status: string;
  outcome: string | null;
  reviewedAt: Date | null;
  serviceRecord: { id: bigint; customerName: string | null } | null;
  campaign: { id: bigint; name: string } | null;
  agent: { id: bigint; name: string } | null;
  tags: { id: bigint; name: string }[];
  hasBooking: boolean;
  hasAudio: boolean;
};

type CallListRow = {
  id: bigint;
  start_time: Date | null;
  duration_sec: number | null;
  customer_number: string | null;
  direction: string;
  status: string;
  outcome: string | null;
  reviewed_at: Date | null;
  service_record_id: bigint | null;
  service_record_customer_name: string | null;
  campaign_id: bigint | null;
  campaign_name: string | null;
  agent_id: bigint | null;
  agent_name: string | null;
  has_booking: boolean;
  has_audio: boolean;
  tags: Json<{ id: string; name: string }>;
};

function toCallListItem(row: CallListRow): CallListItem {
  const tags = jsonRows(row.tags);
  return {
    id: row.id,
    startTime: row.start_time,
    durationSec: row.duration_sec,
    customerNumber: row.customer_number,
    customerNumberDisplay: formatPhone(row.customer_number),
    direction: row.direction,
    status: row.status,
    outcome: row.outcome,
    reviewedAt: row.reviewed_at,
    serviceRecord: row.service_record_id === null ? null : { id: row.service_record_id, customerName: row.service_record_customer_name },
    campaign: row.campaign_id === null ? null : { id: row.campaign_id, name: row.campaign_name ?? "" },
    agent: row.agent_id === null ? null : { id: row.agent_id, name: row.agent_name ?? "" },
    tags: tags.map((tag) => ({ id: BigInt(tag.id), name: tag.name })),
    hasBooking: row.has_booking,
    hasAudio: row.has_audio,
  };
}

const pageColumns = Prisma.sql`c.id, c.start_time, c.duration_sec, c.customer_number, c.direction, c.status, c.outcome, c.reviewed_at, c.service_record_id, c.campaign_id, c.agent_id`;

/**
 * The call log's rows with what each row shows (customer, campaign, agent, tags, booking and recording
 * marks) in one statement: Prisma would send one more query per relation. `page` selects `pageColumns`
 * of the calls to show (already limited); the related rows are looked up for those only.
 */
async function callListRows(db: ScopedDatabase, page: Prisma.Sql, order: Prisma.Sql): Promise<CallListItem[]> {
  const rows = await db.$queryRaw<CallListRow[]>`
    SELECT c.id, c.start_time, c.duration_sec, c.customer_number, c.direction, c.status, c.outcome, c.reviewed_at,
           sr.id AS service_record_id, sr.customer_name AS service_record_customer_name,
           cp.id AS campaign_id, cp.name AS campaign_name, ag.id AS agent_id, ag.name AS agent_name,
           EXISTS (SELECT 1 FROM booking b WHERE b.call_id = c.id) AS has_booking,
           EXISTS (SELECT 1 FROM audio_file af WHERE af.call_id = c.id) AS has_audio,
           (SELECT json_agg(json_build_object('id', tag.id::text, 'name', tag.name))
              FROM (SELECT t.id, t.name FROM call_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.call_id = c.id ORDER BY ct.created_at, t.id) tag) AS tags
      FROM (${page}) c
      LEFT JOIN service_record sr ON sr.id = c.service_record_id
      LEFT JOIN campaign cp ON cp.id = c.campaign_id
      LEFT JOIN agent ag ON ag.id = c.agent_id
     ${order}`;
  return rows.map(toCallListItem);
}

/** The calls with these ids of the organization, as list rows (in no particular order). */
export function callListItemsByIds(db: ScopedDatabase, organizationId: string, ids: bigint[]): Promise<CallListItem[]> {
  if (!ids.length) return Promise.resolve([]);
  return callListRows(db, Prisma.sql`SELECT ${pageColumns} FROM "call" c WHERE c.organization_id = ${organizationId}::uuid AND c.id IN (${Prisma.join(ids)})`, Prisma.empty);
}

/** Where the list works and in which time zone its day filters are meant. */
export type CallLogScope = { organizationId: string; timeZone: string };

type ListRequest = { filters: CallFilters; sort: CallSort; limit: number; cursor?: string | null };

export async function listCalls(db: ScopedDatabase, scope: CallLogScope, request: ListRequest) {
  const spec = sortSpec(request.sort);
  const where = Prisma.sql`c.organization_id = ${scope.organizationId}::uuid AND ${callWhereSql(request.filters, scope.timeZone)}`;
  const rows = await callListRows(db, keysetPageSql(pageColumns, where, spec, request.cursor ?? null, request.limit + 1), orderBySql(spec));
  const items = rows.slice(0, request.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > request.limit && last ? encodeCursor(last, spec.column) : null, timeZone: scope.timeZone };
}

const rollupFilterKeys = new Set<string>(["from", "to", "campaignId", "status"] satisfies (keyof CallFilters)[]);

/**
 * Whether the status counts for these filters come from the daily rollup (call_daily_total, kept by the
 * database at every commit; see its migration) instead of counting the calls: only the organization's days
 * and a campaign narrow it. Counting a million calls takes a few hundred milliseconds; the rollup a few.
 */
export function statusCountsFromRollup(filters: CallFilters | Record<string, string>): boolean {
  return Object.entries(filters).every(([key, value]) => value === undefined || rollupFilterKeys.has(key));
}

/** Calls per status for the current filters (except the status filter itself), in one grouped query. */
export async function countCallsByStatus(db: ScopedDatabase, scope: CallLogScope, filters: CallFilters) {
  const groups = statusCountsFromRollup(filters) ? await rollupStatusCounts(db, scope, filters) : await groupedStatusCounts(db, scope, filters);
  const byStatus: Record<string, number> = {};
  for (const group of groups) if (group.calls > 0) byStatus[group.status] = (byStatus[group.status] ?? 0) + group.calls;
  return { byStatus, total: Object.values(byStatus).reduce((sum, calls) => sum + calls, 0) };
}

type StatusCount = { status: string; calls: number };

async function groupedStatusCounts(db: ScopedDatabase, scope: CallLogScope, filters: CallFilters): Promise<StatusCount[]> {
  const groups = await db.call.groupBy({ by: ["status"], where: callWhere(filters, { timeZone: scope.timeZone, ignoreStatus: true }), _count: { _all: true } });
  return groups.map((group) => ({ status: group.status, calls: group._count._all }));
}

/** The rollup holds the calls that started, by the organization's local day (as the day filters mean); calls not started yet are counted here. */
async function rollupStatusCounts(db: ScopedDatabase, { organizationId }: CallLogScope, filters: CallFilters): Promise<StatusCount[]> {
  const campaign = filters.campaignId === undefined ? Prisma.empty : Prisma.sql`AND campaign_id = ${filters.campaignId}::bigint`;
  const days = filters.from !== undefined || filters.to !== undefined;
  const rows = await db.$queryRaw<{ status: string; calls: bigint }[]>`
    SELECT status, sum(calls)::bigint AS calls FROM call_daily_total
     WHERE organization_id = ${organizationId}::uuid ${campaign}
       ${filters.from === undefined ? Prisma.empty : Prisma.sql`AND day >= ${filters.from}::date`}
       ${filters.to === undefined ? Prisma.empty : Prisma.sql`AND day <= ${filters.to}::date`}
     GROUP BY status
    ${days ? Prisma.empty : Prisma.sql`UNION ALL SELECT status, count(*) AS calls FROM "call" WHERE organization_id = ${organizationId}::uuid AND start_time IS NULL ${campaign} GROUP BY status`}`;
  return rows.map((row) => ({ status: row.status, calls: Number(row.calls) }));
}

/** The calls before and after this one in the list with these filters and this order. */
export async function callNeighbors(db: ScopedDatabase, { timeZone }: CallLogScope, request: { id: bigint; filters: CallFilters; sort: CallSort }) {
  const current = await db.call.findFirst({ where: { id: request.id }, select: { id: true, startTime: true, durationSec: true } });
  if (!current) throw new TRPCError({ code: "NOT_FOUND", message: "This call does not exist in your organization." });
  const spec = sortSpec(request.sort);
  const where = callWhere(request.filters, { timeZone });
  const cursor = encodeCursor(current, spec.column);
  const [next, previous] = await Promise.all([
    db.call.findFirst({ where: { AND: [where, afterCursor(cursor, spec)] }, orderBy: callOrderBy(spec), select: { id: true } }),
    db.call.findFirst({ where: { AND: [where, beforeRow(current, spec)] }, orderBy: reverseOrder(spec), select: { id: true } }),
  ]);
  return { previousId: previous?.id ?? null, nextId: next?.id ?? null };
}

export async function callFilterOptions(db: ScopedDatabase, { timeZone }: CallLogScope) {
  const [campaigns, agents, tags] = await Promise.all([
    db.campaign.findMany({ select: { id: true, name: true, status: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    db.agent.findMany({ select: { id: true, name: true, isActive: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    db.tag.findMany({ select: { id: true, name: true }, orderBy: [{ nameKey: "asc" }, { id: "asc" }] }),
  ]);
  return { campaigns, agents, tags, timeZone };
}

type CallDetailRow = {
  id: bigint;
  external_id: string | null;
  customer_number: string | null;
  direction: string;
  status: string;
  start_time: Date | null;
  end_time: Date | null;
  duration_sec: number | null;
  outcome: string | null;
  reviewed_at: Date | null;
  review_notes: string | null;
  reviewer_id: bigint | null;
  reviewer_name: string | null;
  sr_id: bigint | null;
  sr_customer_name: string | null;
  sr_customer_phone: string | null;
  sr_vehicle_info: string | null;
  sr_service_type: string | null;
  sr_status: string | null;
  sr_appointment_date: Date | null;
  sr_do_not_call: boolean | null;
  campaign_id: bigint | null;
  campaign_name: string | null;
  campaign_type: string | null;
  campaign_status: string | null;
  agent_id: bigint | null;
  agent_name: string | null;
  agent_voice: string | null;
  agent_language: string | null;
  audio_id: bigint | null;
  audio_file_format: string | null;
  audio_duration_sec: number | null;
  bookings: Json<{ id: string; scheduled_time: string | null; status: string }>;
  transcripts: Json<{ id: string; role: TranscriptRole; content: string | null; timestamp: string | null }>;
  tags: Json<{ id: string; name: string }>;
};

/** A json_agg column: parsed already, or text on drivers that leave json alone; null when there were no rows. */
type Json<Item> = Item[] | string | null;

function jsonRows<Item>(value: Json<Item>): Item[] {
  return typeof value === "string" ? (JSON.parse(value) as Item[]) : (value ?? []);
}

const dateOrNull = (value: string | null) => (value === null ? null : new Date(value));

/** One call with everything its page shows, in one statement (Prisma would send one per relation). */
export async function callDetail(db: ScopedDatabase, organizationId: string, id: bigint) {
  const [row] = await db.$queryRaw<CallDetailRow[]>`
    SELECT c.id, c.external_id, c.customer_number, c.direction, c.status, c.start_time, c.end_time, c.duration_sec, c.outcome,
           c.reviewed_at, c.review_notes, rv.id AS reviewer_id, rv.name AS reviewer_name,
           sr.id AS sr_id, sr.customer_name AS sr_customer_name, sr.customer_phone AS sr_customer_phone, sr.vehicle_info AS sr_vehicle_info,
           sr.service_type AS sr_service_type, sr.status AS sr_status, sr.appointment_date AS sr_appointment_date, sr.do_not_call AS sr_do_not_call,
           cp.id AS campaign_id, cp.name AS campaign_name, cp.type AS campaign_type, cp.status AS campaign_status,
           ag.id AS agent_id, ag.name AS agent_name, ag.voice AS agent_voice, ag.language AS agent_language,
           af.id AS audio_id, af.file_format AS audio_file_format, af.duration_sec AS audio_duration_sec,
           (SELECT json_agg(json_build_object('id', b.id::text, 'scheduled_time', b.scheduled_time, 'status', b.status) ORDER BY b.scheduled_time, b.id)
              FROM booking b WHERE b.call_id = c.id) AS bookings,
           (SELECT json_agg(json_build_object('id', t.id::text, 'role', t.role, 'content', t.content, 'timestamp', t.timestamp) ORDER BY t.timestamp NULLS LAST, t.id)
              FROM transcript t WHERE t.call_id = c.id) AS transcripts,
           (SELECT json_agg(json_build_object('id', tag.id::text, 'name', tag.name))
              FROM (SELECT t.id, t.name FROM call_tag ct JOIN tag t ON t.id = ct.tag_id WHERE ct.call_id = c.id ORDER BY ct.created_at, t.id) tag) AS tags
      FROM "call" c
      LEFT JOIN "user" rv ON rv.id = c.reviewed_by
      LEFT JOIN service_record sr ON sr.id = c.service_record_id
      LEFT JOIN campaign cp ON cp.id = c.campaign_id
      LEFT JOIN agent ag ON ag.id = c.agent_id
      LEFT JOIN audio_file af ON af.call_id = c.id
     WHERE c.id = ${id} AND c.organization_id = ${organizationId}::uuid`;
  if (!row) throw new TRPCError({ code: "NOT_FOUND", message: "This call does not exist in your organization." });
  return {
    id: row.id,
    externalId: row.external_id,
    customerNumber: row.customer_number,
    customerNumberDisplay: formatPhone(row.customer_number),
    direction: row.direction,
    status: row.status,
    startTime: row.start_time,
    endTime: row.end_time,
    durationSec: row.duration_sec,
    outcome: row.outcome,
    reviewedAt: row.reviewed_at,
    reviewNotes: row.review_notes,
    reviewer: row.reviewer_id === null ? null : { id: row.reviewer_id, name: row.reviewer_name ?? "" },
    serviceRecord:
      row.sr_id === null
        ? null
        : {
            id: row.sr_id,
            customerName: row.sr_customer_name,
            customerPhone: row.sr_customer_phone,
            customerPhoneDisplay: formatPhone(row.sr_customer_phone),
            vehicleInfo: row.sr_vehicle_info,
            serviceType: row.sr_service_type,
            status: row.sr_status ?? "",
            appointmentDate: row.sr_appointment_date,
            doNotCall: row.sr_do_not_call ?? false,
          },
    campaign: row.campaign_id === null ? null : { id: row.campaign_id, name: row.campaign_name ?? "", type: row.campaign_type ?? "", status: row.campaign_status ?? "" },
    agent: row.agent_id === null ? null : { id: row.agent_id, name: row.agent_name ?? "", voice: row.agent_voice, language: row.agent_language ?? "" },
    bookings: jsonRows(row.bookings).map((booking) => ({ id: BigInt(booking.id), scheduledTime: dateOrNull(booking.scheduled_time), status: booking.status })),
    transcripts: jsonRows(row.transcripts).map((turn) => ({ id: BigInt(turn.id), role: turn.role, content: turn.content, timestamp: dateOrNull(turn.timestamp) })),
    audioFile: row.audio_id === null ? null : { id: row.audio_id, fileFormat: row.audio_file_format, durationSec: row.audio_duration_sec },
    tags: jsonRows(row.tags).map((tag) => ({ id: BigInt(tag.id), name: tag.name })),
  };
}

export type CallDetail = Awaited<ReturnType<typeof callDetail>>;
