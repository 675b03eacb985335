import { z } from "zod";
import { auditActions } from "@/lib/value-sets";
import { idSchema } from "./common";

/** The entities the product writes audit rows for; the filter offers these. */
export const auditEntities = [
  "organization",
  "setting",
  "user",
  "tag",
  "agent",
  "api_key",
  "dms_integration",
  "campaign",
  "schedule_config",
  "service_record",
  "call",
  "booking",
  "inquiry",
  "kpi",
  "payment",
  "plan",
  "audit_log",
  "session",
] as const;

const dayText = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD");
const optionalFilter = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === "" || value === null ? undefined : value), schema.optional());

/** The filters of the audit log view (also the URL's search params and the CSV export's). */
export const auditLogFilterInput = z
  .object({
    userId: optionalFilter(idSchema),
    entity: optionalFilter(z.string().trim().max(50, "At most 50 characters")),
    action: optionalFilter(z.enum(auditActions, { message: "Choose an action from the list" })),
    from: optionalFilter(dayText),
    to: optionalFilter(dayText),
  })
  .refine((filter) => !filter.from || !filter.to || filter.from <= filter.to, { message: "The end date must be on or after the start date", path: ["to"] });

export type AuditLogFilter = z.output<typeof auditLogFilterInput>;

// The cursor is "<timestamp ISO>_<id>" of the last row seen: keyset pagination on (timestamp desc, id desc).
export const auditLogCursorSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z_\d+$/, "Invalid cursor")
  .transform((cursor) => {
    const [timestamp, id] = cursor.split("_") as [string, string];
    return { timestamp: new Date(timestamp), id: BigInt(id) };
  });

export const auditLogListInput = z.intersection(
  auditLogFilterInput,
  z.object({
    cursor: auditLogCursorSchema.nullish(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  }),
);

export function auditLogCursorOf(row: { timestamp: Date; id: bigint }): string {
  return `${row.timestamp.toISOString()}_${row.id}`;
}
