import { Prisma } from "../generated/prisma/client";
import type { CampaignListInput } from "@/lib/validation/campaign";

export type CampaignRow = {
  id: bigint;
  name: string;
  description: string | null;
  status: string;
  type: string;
  createdAt: Date;
  updatedAt: Date;
  createdByName: string | null;
  modifiedByName: string | null;
  serviceRecords: number;
  calls: number;
  connectedCalls: number;
  bookings: number;
  bookedCalls: number;
  /** booked / connected (DESIGN.md metrics); null before any connected call. */
  bookingRate: number | null;
};

type RawRow = {
  id: bigint;
  name: string;
  description: string | null;
  status: string;
  type: string;
  created_at: Date;
  updated_at: Date;
  created_by_name: string | null;
  modified_by_name: string | null;
  service_records: number;
  calls: number;
  connected_calls: number;
  bookings: number;
  booked_calls: number;
};

const orderColumns = {
  updated: Prisma.sql`c.updated_at`,
  created: Prisma.sql`c.created_at`,
  name: Prisma.sql`lower(c.name)`,
  bookingRate: Prisma.sql`(coalesce(calls.booked_calls, 0)::float8 / nullif(coalesce(calls.connected_calls, 0), 0))`,
} as const;

type Filters = { organizationId: string; id?: bigint; status?: string; search?: string; sort?: NonNullable<CampaignListInput["sort"]>; direction?: "asc" | "desc" };

/** Campaigns with their counts, in one statement of grouped subqueries (no query per campaign). */
export function campaignStatsSql(filters: Filters): Prisma.Sql {
  const org = Prisma.sql`${filters.organizationId}::uuid`;
  const conditions = [Prisma.sql`c.organization_id = ${org}`];
  if (filters.id !== undefined) conditions.push(Prisma.sql`c.id = ${filters.id}`);
  if (filters.status) conditions.push(Prisma.sql`c.status = ${filters.status}`);
  if (filters.search) conditions.push(Prisma.sql`c.name ILIKE ${`%${filters.search.replace(/[\\%_]/g, (char) => `\\${char}`)}%`}`);
  const direction = filters.direction === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  return Prisma.sql`
    SELECT c.id, c.name, c.description, c.status, c.type, c.created_at, c.updated_at,
           creator.name AS created_by_name, modifier.name AS modified_by_name,
           coalesce(records.service_records, 0)::int AS service_records,
           coalesce(calls.calls, 0)::int AS calls,
           coalesce(calls.connected_calls, 0)::int AS connected_calls,
           coalesce(bookings.bookings, 0)::int AS bookings,
           coalesce(calls.booked_calls, 0)::int AS booked_calls
      FROM "campaign" AS c
      LEFT JOIN "user" AS creator ON creator.id = c.created_by
      LEFT JOIN "user" AS modifier ON modifier.id = c.modified_by
      LEFT JOIN (SELECT campaign_id, count(*) AS service_records FROM "service_record" WHERE organization_id = ${org} GROUP BY campaign_id) AS records ON records.campaign_id = c.id
      LEFT JOIN (SELECT campaign_id, count(*) AS bookings FROM "booking" WHERE organization_id = ${org} GROUP BY campaign_id) AS bookings ON bookings.campaign_id = c.id
      -- Calls from the dashboard's daily rollup (calls with a start time), plus the few not started yet.
      LEFT JOIN (SELECT campaign_id, sum(calls) AS calls, sum(connected) AS connected_calls, sum(booked) AS booked_calls
                   FROM (SELECT campaign_id, calls, CASE WHEN status = 'completed' THEN calls ELSE 0 END AS connected, booked
                           FROM "call_daily_total" WHERE organization_id = ${org}
                         UNION ALL
                         SELECT call.campaign_id, 1, (call.status = 'completed')::int,
                                (call.status = 'completed' AND EXISTS (SELECT 1 FROM "booking" WHERE booking.call_id = call.id AND booking.organization_id = call.organization_id))::int
                           FROM "call" WHERE call.organization_id = ${org} AND call.start_time IS NULL) AS counted
                  GROUP BY campaign_id) AS calls ON calls.campaign_id = c.id
     WHERE ${Prisma.join(conditions, " AND ")}
     ORDER BY ${orderColumns[filters.sort ?? "updated"]} ${direction} NULLS LAST, c.id DESC
     LIMIT 500`;
}

export function toCampaignRow(row: RawRow): CampaignRow {
  const connectedCalls = Number(row.connected_calls);
  const bookedCalls = Number(row.booked_calls);
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    status: row.status,
    type: row.type,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    createdByName: row.created_by_name,
    modifiedByName: row.modified_by_name,
    serviceRecords: Number(row.service_records),
    calls: Number(row.calls),
    connectedCalls,
    bookings: Number(row.bookings),
    bookedCalls,
    bookingRate: connectedCalls > 0 ? bookedCalls / connectedCalls : null,
  };
}

export type { RawRow as CampaignStatsRawRow };
