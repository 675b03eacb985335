import { z } from "zod";
import { csvColumns, serviceRecordFilters } from "@/lib/validation/service-record";
import { currentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";
import { scopedDb } from "@/server/db/scoped";
import { recordAudit } from "@/server/services/audit";
import { csvLine } from "@/server/services/csv";
import { hasFewMatches, serviceRecordConditions, serviceRecordCsvValues, serviceRecordPageSql } from "@/server/services/service-records";
import type { Cursor, ServiceRecordRow } from "@/server/services/service-records";

export const dynamic = "force-dynamic";

const batchSize = 1000;

/** The service records of the current filter as CSV (the columns the import takes), streamed page by page. */
export async function GET(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return Response.json({ error: "Sign in to export." }, { status: 401 });
  const organizationId = user.actingOrganization?.id ?? user.organizationId;
  const params = Object.fromEntries(new URL(request.url).searchParams);
  const filters = serviceRecordFilters.safeParse(params);
  if (!filters.success) return Response.json({ error: "Invalid filter", fields: z.flattenError(filters.error).fieldErrors }, { status: 400 });
  const db = scopedDb(getDb(), organizationId);
  const where = serviceRecordConditions(organizationId, filters.data, user.timeZone);
  const fewMatches = filters.data.search ? await hasFewMatches(db, where) : false;
  await recordAudit(db, { organizationId, userId: user.id, entity: "service_record", action: "export", newValue: { filters: filters.data } });
  let cursor: Cursor | null = null;
  let headerSent = false;
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(csvLine([...csvColumns])));
        return;
      }
      const rows: ServiceRecordRow[] = await db.$queryRaw<ServiceRecordRow[]>(serviceRecordPageSql(where, cursor, batchSize, fewMatches));
      if (rows.length) controller.enqueue(encoder.encode(rows.map((row) => csvLine(serviceRecordCsvValues(row))).join("")));
      const last = rows[rows.length - 1];
      if (rows.length < batchSize || !last) return controller.close();
      cursor = { createdAt: last.created_at, id: last.id };
    },
  });
  const stamp = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="service-records-${stamp}.csv"`,
      "cache-control": "no-store",
    },
  });
}

