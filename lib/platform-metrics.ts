import { z } from "zod";
import { dashboardInput, dashboardInputFromParams, periodPresets } from "./validation/dashboard";
import type { PeriodPreset } from "./validation/dashboard";
import { calendarDaySchema, uuidSchema } from "./validation/common";
import { platformSortFields } from "./platform-figures";

export { formatFigure, platformFigures, platformSortFields } from "./platform-figures";
export type { FigureKind, PlatformFigureKey, PlatformSortField } from "./platform-figures";

// The platform view's inputs: the router validates them, the page reads them from the URL and hands them to the view.

const isoDate = calendarDaySchema;

const periodFields = { period: z.enum(periodPresets).default("30d"), from: isoDate.optional(), to: isoDate.optional() };

/** The dashboard's own rules for a custom period (first day, last day, order, at most a year). */
function checkPeriod(value: { period: PeriodPreset; from?: string; to?: string }, ctx: z.RefinementCtx) {
  const checked = dashboardInput.safeParse({ period: value.period, from: value.from, to: value.to });
  for (const issue of checked.error?.issues ?? []) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
}

export const platformSummaryInput = z
  .object({ ...periodFields, sort: z.enum(platformSortFields).default("attempted"), direction: z.enum(["asc", "desc"]).default("desc") })
  .superRefine(checkPeriod);
export type PlatformSummaryInput = z.input<typeof platformSummaryInput>;

export const compareOrganizationInput = z.object({ ...periodFields, organizationId: uuidSchema }).superRefine(checkPeriod);
export type CompareOrganizationInput = z.input<typeof compareOrganizationInput>;

type Params = { get(name: string): string | null };

/** The platform view's state in the URL (?period=7d&sort=connectRate&direction=asc&compare=<id>). */
export function platformInputFromParams(params: Params): { summary: PlatformSummaryInput; compare: string | null } {
  const { period, from, to } = dashboardInputFromParams(params);
  const sort = platformSortFields.find((field) => field === params.get("sort"));
  const direction = params.get("direction") === "asc" ? "asc" : params.get("direction") === "desc" ? "desc" : undefined;
  const compare = params.get("compare");
  return {
    summary: { period, from, to, ...(sort ? { sort } : {}), ...(direction ? { direction } : {}) },
    compare: compare && uuidSchema.safeParse(compare).success ? compare : null,
  };
}
