import { Prisma } from "../generated/prisma/client";
import type { Database } from "../db";
import { formatPhone } from "@/lib/format-phone";
import { searchAsPhone, searchPrefixQuery } from "@/lib/validation/service-record";
import type { ServiceRecordFilters } from "@/lib/validation/service-record";

// The service-record table's filters, as SQL over `service_record AS sr`, shared by the list and the CSV export.
// Raw SQL is not org-scoped: the organization is the first condition, and the (organization_id, …) indexes lead with it.

export function serviceRecordConditions(organizationId: string, filters: ServiceRecordFilters, timeZone: string): Prisma.Sql {
  const conditions = [Prisma.sql`sr.organization_id = ${organizationId}::uuid`];
  if (filters.status) conditions.push(Prisma.sql`sr.status = ${filters.status}`);
  if (filters.serviceType) conditions.push(Prisma.sql`sr.service_type = ${filters.serviceType}`);
  if (filters.campaignId !== undefined) conditions.push(Prisma.sql`sr.campaign_id = ${filters.campaignId}`);
  if (filters.rating !== undefined) conditions.push(Prisma.sql`sr.rating = ${filters.rating}`);
  if (filters.doNotCall) conditions.push(Prisma.sql`sr.do_not_call = ${filters.doNotCall === "yes"}`);
  // Day boundaries are the organization's local midnights.
  if (filters.appointmentFrom) conditions.push(Prisma.sql`sr.appointment_date >= (${filters.appointmentFrom}::date)::timestamp AT TIME ZONE ${timeZone}`);
  if (filters.appointmentTo) conditions.push(Prisma.sql`sr.appointment_date < ((${filters.appointmentTo}::date + 1)::timestamp AT TIME ZONE ${timeZone})`);
  const search = searchCondition(filters.search);
  if (search) conditions.push(search);
  return Prisma.join(conditions, " AND ");
}

function searchCondition(search: string | undefined): Prisma.Sql | null {
  if (!search) return null;
  const prefixQuery = searchPrefixQuery(search);
  const phone = searchAsPhone(search);
  // The words go through the same 'simple' parser as the indexed text ("F-150" → f, -150), each as a quoted prefix term.
  const fullText = prefixQuery
    ? Prisma.sql`sr.search_vector @@ to_tsquery('simple', (SELECT string_agg(quote_literal(word.lexeme) || ':*', ' & ') FROM unnest(to_tsvector('simple', ${search.slice(0, 100)})) AS word))`
    : null;
  const exactPhone = phone ? Prisma.sql`sr.customer_phone = ${phone}` : null;
  if (fullText && exactPhone) return Prisma.sql`(${fullText} OR ${exactPhone})`;
  return fullText ?? exactPhone ?? Prisma.sql`false`;
}

export type Cursor = { createdAt: Date; id: bigint };

export function encodeCursor(cursor: Cursor): string {
  return `${cursor.createdAt.toISOString()}_${cursor.id}`;
}

export function decodeCursor(value: string | null | undefined): Cursor | null {
  const match = value ? /^(\d{4}-\d{2}-\d{2}T[\d:.]+Z)_(\d+)$/.exec(value) : null;
  if (!match) return null;
  return { createdAt: new Date(match[1]!), id: BigInt(match[2]!) };
}

export type ServiceRecordRow = {
  id: bigint;
  campaign_id: bigint | null;
  campaign_name: string | null;
  customer_name: string | null;
  customer_phone: string | null;
  vehicle_info: string | null;
  service_type: string | null;
  status: string;
  appointment_date: Date | null;
  rating: number | null;
  do_not_call: boolean;
  feedback: string | null;
  created_at: Date;
};

/**
 * One page in the stable order (created_at desc, id desc), continuing after `cursor`. `fewMatches`: the
 * filters select few rows (a rare search term), so they are collected first through their indexes (the GIN
 * index of the search) and sorted, instead of walking the created_at index and filtering every row.
 */
export function serviceRecordPageSql(where: Prisma.Sql, cursor: Cursor | null, limit: number, fewMatches = false): Prisma.Sql {
  const after = cursor ? Prisma.sql`AND (sr.created_at, sr.id) < (${cursor.createdAt}::timestamptz, ${cursor.id})` : Prisma.empty;
  const columns = Prisma.sql`sr.id, sr.campaign_id, c.name AS campaign_name, sr.customer_name, sr.customer_phone, sr.vehicle_info, sr.service_type,
           sr.status, sr.appointment_date, sr.rating::int AS rating, sr.do_not_call, sr.feedback, sr.created_at`;
  if (fewMatches) {
    return Prisma.sql`
      WITH matched AS MATERIALIZED (SELECT sr.id, sr.created_at FROM "service_record" AS sr WHERE ${where} ${after})
      SELECT ${columns}
        FROM matched JOIN "service_record" AS sr ON sr.id = matched.id
        LEFT JOIN "campaign" AS c ON c.id = sr.campaign_id
       ORDER BY matched.created_at DESC, matched.id DESC
       LIMIT ${limit}`;
  }
  return Prisma.sql`
    SELECT ${columns}
      FROM "service_record" AS sr
      LEFT JOIN "campaign" AS c ON c.id = sr.campaign_id
     WHERE ${where} ${after}
     ORDER BY sr.created_at DESC, sr.id DESC
     LIMIT ${limit}`;
}

/** Up to this many matches a search collects its rows first (see serviceRecordPageSql); above, it walks in order. */
export const fewMatchesLimit = 5000;

/** Whether the filters select at most `fewMatchesLimit` rows (counted no further). */
export async function hasFewMatches(db: Pick<Database, "$queryRaw">, where: Prisma.Sql): Promise<boolean> {
  const [row] = await db.$queryRaw<{ matches: bigint }[]>`
    SELECT count(*) AS matches FROM (SELECT 1 FROM "service_record" AS sr WHERE ${where} LIMIT ${fewMatchesLimit + 1}) AS capped`;
  return Number(row?.matches ?? 0) <= fewMatchesLimit;
}

export function toServiceRecordListItem(row: ServiceRecordRow) {
  return {
    id: row.id,
    campaign: row.campaign_id !== null ? { id: row.campaign_id, name: row.campaign_name ?? "" } : null,
    customerName: row.customer_name,
    customerPhone: row.customer_phone,
    customerPhoneDisplay: formatPhone(row.customer_phone),
    vehicleInfo: row.vehicle_info,
    serviceType: row.service_type,
    status: row.status,
    appointmentDate: row.appointment_date,
    rating: row.rating === null ? null : Number(row.rating),
    doNotCall: row.do_not_call,
    createdAt: row.created_at,
  };
}

/** A row in the order of `csvColumns`: what the import takes back. */
export function serviceRecordCsvValues(row: ServiceRecordRow) {
  return [
    row.customer_name,
    row.customer_phone,
    row.vehicle_info,
    row.service_type,
    row.status,
    row.appointment_date?.toISOString() ?? "",
    row.rating,
    row.do_not_call ? "yes" : "no",
    row.feedback,
    row.campaign_name,
  ];
}
