import { TRPCError } from "@trpc/server";
import { defaultTimezone } from "@/lib/value-sets";
import type { CallFilters, CallSort } from "@/lib/validation/call";
import type { ScopedDatabase } from "@/server/db/scoped";
import type { Prisma } from "@/server/generated/prisma/client";
import { afterCursor, beforeRow, callOrderBy, callWhere, encodeCursor, reverseOrder, sortSpec } from "./call-query";

// Reads of the call log through the organization-scoped client: list pages, status counts,
// the neighbours of a call in a list, the filter options and one call with everything on its page.

export async function organizationTimeZone(db: ScopedDatabase): Promise<string> {
  const setting = await db.setting.findFirst({ where: { key: "timezone" }, select: { value: true } });
  return setting?.value || defaultTimezone;
}

export const callListSelect = {
  id: true,
  startTime: true,
  durationSec: true,
  customerNumber: true,
  direction: true,
  status: true,
  outcome: true,
  reviewedAt: true,
  serviceRecord: { select: { id: true, customerName: true } },
  campaign: { select: { id: true, name: true } },
  agent: { select: { id: true, name: true } },
  tags: { select: { tag: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
  audioFile: { select: { id: true } },
  // Not `_count`: Prisma counts relations with a GROUP BY over the whole booking table on every page.
  bookings: { select: { id: true }, take: 1 },
} as const;

type CallListRow = Prisma.CallGetPayload<{ select: typeof callListSelect }>;

export function toCallListItem({ tags, bookings, audioFile, ...call }: CallListRow) {
  return { ...call, tags: tags.map(({ tag }) => tag), hasBooking: bookings.length > 0, hasAudio: audioFile !== null };
}

type ListRequest = { filters: CallFilters; sort: CallSort; limit: number; cursor?: string | null };

export async function listCalls(db: ScopedDatabase, request: ListRequest) {
  const timeZone = await organizationTimeZone(db);
  const spec = sortSpec(request.sort);
  const where = callWhere(request.filters, { timeZone });
  const rows = await db.call.findMany({
    where: request.cursor ? { AND: [where, afterCursor(request.cursor, spec)] } : where,
    orderBy: callOrderBy(spec),
    take: request.limit + 1,
    select: callListSelect,
  });
  const items = rows.slice(0, request.limit).map(toCallListItem);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > request.limit && last ? encodeCursor(last, spec.column) : null, timeZone };
}

export type CallListItem = Awaited<ReturnType<typeof listCalls>>["items"][number];

/** Calls per status for the current filters (except the status filter itself), in one grouped query. */
export async function countCallsByStatus(db: ScopedDatabase, filters: CallFilters) {
  const timeZone = await organizationTimeZone(db);
  const groups = await db.call.groupBy({ by: ["status"], where: callWhere(filters, { timeZone, ignoreStatus: true }), _count: { _all: true } });
  const byStatus: Record<string, number> = {};
  for (const group of groups) byStatus[group.status] = group._count._all;
  return { byStatus, total: groups.reduce((sum, group) => sum + group._count._all, 0) };
}

/** The calls before and after this one in the list with these filters and this order. */
export async function callNeighbors(db: ScopedDatabase, request: { id: bigint; filters: CallFilters; sort: CallSort }) {
  const current = await db.call.findFirst({ where: { id: request.id }, select: { id: true, startTime: true, durationSec: true } });
  if (!current) throw new TRPCError({ code: "NOT_FOUND", message: "This call does not exist in your organization." });
  const timeZone = await organizationTimeZone(db);
  const spec = sortSpec(request.sort);
  const where = callWhere(request.filters, { timeZone });
  const cursor = encodeCursor(current, spec.column);
  const [next, previous] = await Promise.all([
    db.call.findFirst({ where: { AND: [where, afterCursor(cursor, spec)] }, orderBy: callOrderBy(spec), select: { id: true } }),
    db.call.findFirst({ where: { AND: [where, beforeRow(current, spec)] }, orderBy: reverseOrder(spec), select: { id: true } }),
  ]);
  return { previousId: previous?.id ?? null, nextId: next?.id ?? null };
}

export async function callFilterOptions(db: ScopedDatabase) {
  const [campaigns, agents, tags, timeZone] = await Promise.all([
    db.campaign.findMany({ select: { id: true, name: true, status: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    db.agent.findMany({ select: { id: true, name: true, isActive: true }, orderBy: [{ name: "asc" }, { id: "asc" }] }),
    db.tag.findMany({ select: { id: true, name: true }, orderBy: [{ nameKey: "asc" }, { id: "asc" }] }),
    organizationTimeZone(db),
  ]);
  return { campaigns, agents, tags, timeZone };
}

export async function callDetail(db: ScopedDatabase, id: bigint) {
  const call = await db.call.findFirst({
    where: { id },
    select: {
      id: true,
      externalId: true,
      customerNumber: true,
      direction: true,
      status: true,
      startTime: true,
      endTime: true,
      durationSec: true,
      outcome: true,
      reviewedAt: true,
      reviewNotes: true,
      reviewer: { select: { id: true, name: true } },
      serviceRecord: {
        select: { id: true, customerName: true, customerPhone: true, vehicleInfo: true, serviceType: true, status: true, appointmentDate: true, doNotCall: true },
      },
      campaign: { select: { id: true, name: true, type: true, status: true } },
      agent: { select: { id: true, name: true, voice: true, language: true } },
      bookings: { select: { id: true, scheduledTime: true, status: true }, orderBy: [{ scheduledTime: "asc" }, { id: "asc" }] },
      transcripts: { select: { id: true, role: true, content: true, timestamp: true }, orderBy: [{ timestamp: { sort: "asc", nulls: "last" } }, { id: "asc" }] },
      audioFile: { select: { id: true, fileFormat: true, durationSec: true } },
      tags: { select: { tag: { select: { id: true, name: true } } }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!call) throw new TRPCError({ code: "NOT_FOUND", message: "This call does not exist in your organization." });
  const { tags, ...rest } = call;
  return { ...rest, tags: tags.map(({ tag }) => tag) };
}

export type CallDetail = Awaited<ReturnType<typeof callDetail>>;
