import { z } from "zod";
import { periodPresets } from "../period";
import { calendarDaySchema, idSchema } from "./common";

export { dashboardInputFromParams, periodPresets } from "../period";
export type { PeriodPreset } from "../period";

const isoDate = calendarDaySchema;

/** A period of whole days in the organization's time zone, optionally narrowed to one campaign. */
export const dashboardInput = z
  .object({
    period: z.enum(periodPresets).default("30d"),
    from: isoDate.optional(),
    to: isoDate.optional(),
    campaignId: idSchema.optional(),
  })
  .superRefine((value, ctx) => {
    if (value.period !== "custom") return;
    if (!value.from) ctx.addIssue({ code: "custom", path: ["from"], message: "Choose the first day" });
    if (!value.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Choose the last day" });
    if (value.from && value.to && value.from > value.to) ctx.addIssue({ code: "custom", path: ["to"], message: "The last day comes before the first" });
    if (value.from && value.to && Date.parse(value.to) - Date.parse(value.from) > 366 * 86_400_000) {
      ctx.addIssue({ code: "custom", path: ["to"], message: "At most one year at a time" });
    }
  });

export type DashboardInput = z.input<typeof dashboardInput>;
