import { z } from "zod";
import "./zod-browser";

// Apart from ./organization-admin.ts: the organization list reads its filters from the URL in the browser, and the
// profile schema there brings the phone metadata (~29 kB gzip) along.

export const organizationSortFields = ["name", "createdAt", "creditBalance"] as const;
export const organizationStatusFilters = ["all", "active", "suspended"] as const;

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
