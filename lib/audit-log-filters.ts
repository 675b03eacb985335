import { searchParamReader } from "./search-params";
import type { PageSearchParams } from "./search-params";

// The audit log's URL filters, apart from lib/validation/audit-log.ts (zod): the filter bar needs them in the browser.

export const auditLogFilterKeys = ["userId", "entity", "action", "from", "to"] as const;

/** The filters as the URL has them ("" when absent): what the filter controls show. */
export type AuditLogFilterValues = Record<(typeof auditLogFilterKeys)[number], string>;

export function auditLogFilterValues(params: PageSearchParams): AuditLogFilterValues {
  const url = searchParamReader(params);
  return Object.fromEntries(auditLogFilterKeys.map((key) => [key, url.get(key) ?? ""])) as AuditLogFilterValues;
}
