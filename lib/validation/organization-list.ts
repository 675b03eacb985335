import { z } from "zod";
import type { PageSearchParams } from "@/lib/search-params";
import { organizationSortFields, organizationStatusFilters } from "@/lib/value-sets";
import { filtersFromPageParams } from "./common";

// Apart from ./organization-admin.ts, whose profile schema brings the phone metadata (~29 kB gzip) along. The page
// parses the URL on the server; the table gets the result (and the sort fields from lib/value-sets.ts, without zod).

export { organizationSortFields, organizationStatusFilters };

export const organizationListInput = z.object({
  search: z.string().trim().max(255).optional(),
  planId: z.coerce.number().int().positive().optional(),
  status: z.enum(organizationStatusFilters).default("all"),
  sort: z.enum(organizationSortFields).default("name"),
  direction: z.enum(["asc", "desc"]).default("asc"),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export type OrganizationListInput = z.input<typeof organizationListInput>;
export type OrganizationListFilters = z.output<typeof organizationListInput>;

/** The organization list's filters from the page's URL; defaults when they do not parse. */
export function organizationListFiltersFromParams(params: PageSearchParams): OrganizationListFilters {
  return filtersFromPageParams(organizationListInput, params, organizationListInput.parse({}));
}
