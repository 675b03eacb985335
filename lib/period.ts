import type { DashboardInput } from "./validation/dashboard";

// Apart from lib/validation/dashboard.ts (zod): the period toolbar and the KPI table read the URL in the browser.

export const periodPresets = ["today", "7d", "30d", "90d", "custom"] as const;
export type PeriodPreset = (typeof periodPresets)[number];

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
