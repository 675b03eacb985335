import { z } from "zod";
import { auditActions } from "@/lib/value-sets";
import { auditLogFilterValues } from "@/lib/audit-log-filters";
import type { AuditLogFilterValues } from "@/lib/audit-log-filters";
import type { PageSearchParams } from "@/lib/search-params";
import { idSchema } from "./common";

export { auditEntities } from "@/lib/value-sets";

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

/** The audit log page's filters from its URL, checked; `problem` says why they were set aside (the page then shows everything). */
export function auditLogFiltersFromParams(params: PageSearchParams): { values: AuditLogFilterValues; problem: string | null } {
  const values = auditLogFilterValues(params);
  const parsed = auditLogFilterInput.safeParse(values);
  return { values, problem: parsed.success ? null : (parsed.error.issues[0]?.message ?? "These filters are not valid") };
}

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
