import { z } from "zod";
import { calendarDaySchema, idSchema } from "./common";

export const periodPresets = ["today", "7d", "30d", "90d", "custom"] as const;
export type PeriodPreset = (typeof periodPresets)[number];

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

/** The dashboard's input from the URL (?period=7d&campaign=12), the same on the server and in the browser. */
export function dashboardInputFromParams(params: { get(name: string): string | null }): DashboardInput {
  const period = periodPresets.find((preset) => preset === params.get("period")) ?? "30d";
  const input: DashboardInput = { period };
  if (period === "custom") {
    input.from = params.get("from") ?? undefined;
    input.to = params.get("to") ?? undefined;
  }
  const campaign = params.get("campaign");
  if (campaign && /^\d+$/.test(campaign)) input.campaignId = campaign;
  return input;
}
