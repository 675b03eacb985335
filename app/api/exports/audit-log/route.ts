import { auditLogFilterInput } from "@/lib/validation/audit-log";
import { defaultTimezone } from "@/lib/value-sets";
import { currentUser } from "@/server/auth/current-user";
import { getDb } from "@/server/db";
import { recordAudit } from "@/server/services/audit";
import { afterCursor, auditLogOrder, auditLogWhere } from "@/server/services/audit-log-query";

export const dynamic = "force-dynamic";

const batchSize = 1000;
const header = ["timestamp", "user_name", "user_email", "action", "entity", "entity_id", "old_value", "new_value"];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  const text = typeof value === "string" ? value : value instanceof Date ? value.toISOString() : JSON.stringify(value);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

function json(status: number, message: string): Response {
  return Response.json({ error: message }, { status });
}

/** The organization's audit log as CSV, for the same filters as the page; streamed in keyset batches. */
export async function GET(request: Request): Promise<Response> {
  const user = await currentUser();
  if (!user) return json(401, "Sign in to export the audit log.");
  if (user.role !== "Admin" && user.role !== "SuperAdmin") return json(403, "Only Admins can export the audit log.");
  const organizationId = user.actingOrganization?.id ?? user.organizationId;
  const parsed = auditLogFilterInput.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return json(400, parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "));

  const db = getDb();
  const timezone = await db.setting.findFirst({ where: { organizationId, key: "timezone" }, select: { value: true } });
  const where = auditLogWhere(organizationId, parsed.data, timezone?.value || defaultTimezone);
  await recordAudit(db, { organizationId, userId: user.id, entity: "audit_log", action: "export", newValue: { filter: parsed.data } });

  const encoder = new TextEncoder();
  let cursor: { timestamp: Date; id: bigint } | null = null;
  let started = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        controller.enqueue(encoder.encode(`${header.join(",")}\r\n`));
      }
      const rows = await db.auditLog.findMany({ where: afterCursor(where, cursor), orderBy: auditLogOrder, take: batchSize, include: { user: { select: { name: true, email: true } } } });
      const lines = rows.map((row) => [row.timestamp, row.user?.name, row.user?.email, row.action, row.entity, row.entityId, row.oldValue, row.newValue].map(csvCell).join(","));
      if (lines.length) controller.enqueue(encoder.encode(`${lines.join("\r\n")}\r\n`));
      const last = rows.at(-1);
      if (rows.length < batchSize || !last) {
        controller.close();
        return;
      }
      cursor = { timestamp: last.timestamp, id: last.id };
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(stream, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="audit-log-${day}.csv"`,
      "Cache-Control": "no-store",
    },
  });
}
