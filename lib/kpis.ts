// The product's metrics that KPIs measure (definitions in DESIGN.md, computed in server/services/metrics.ts).
export const kpiMetrics = ["connect_rate", "booking_rate", "show_rate", "avg_duration", "avg_rating", "calls_per_day", "cost_per_booking"] as const;
export type KpiMetric = (typeof kpiMetrics)[number];
export const kpiMetricOptions = [...kpiMetrics, "manual"] as const;
export type KpiMetricOption = (typeof kpiMetricOptions)[number];

export const kpiMetricInfo: Record<KpiMetricOption, { label: string; unit: string; formula: string; higherIsBetter: boolean }> = {
  connect_rate: { label: "Connect rate", unit: "%", formula: "Connected calls ÷ calls placed × 100", higherIsBetter: true },
  booking_rate: { label: "Booking rate", unit: "%", formula: "Connected calls with a booking ÷ connected calls × 100", higherIsBetter: true },
  show_rate: { label: "Show rate", unit: "%", formula: "Completed bookings ÷ (completed + no-show bookings) scheduled in the period × 100", higherIsBetter: true },
  avg_duration: { label: "Average call duration", unit: "s", formula: "Sum of connected calls' durations ÷ connected calls", higherIsBetter: true },
  avg_rating: { label: "Average rating", unit: "/5", formula: "Sum of ratings ÷ service records rated in the period", higherIsBetter: true },
  calls_per_day: { label: "Calls per day", unit: "calls", formula: "Calls placed ÷ days in the period", higherIsBetter: true },
  cost_per_booking: { label: "Cost per booking", unit: "$", formula: "Credits debited for the calls placed in the period ÷ booked calls", higherIsBetter: false },
  manual: { label: "Entered by hand", unit: "", formula: "The value entered for the period", higherIsBetter: true },
};

export function formatKpiValue(value: number | null, unit: string | null): string {
  if (value === null) return "—";
  if (unit === "$") return `$${value.toFixed(2)}`;
  if (unit === "%") return `${value.toFixed(1)}%`;
  if (unit === "s") return `${Math.floor(value / 60)}:${String(Math.round(value % 60)).padStart(2, "0")}`;
  if (unit === "/5") return `${value.toFixed(2)} / 5`;
  return `${Number.isInteger(value) ? value : value.toFixed(1)}${unit ? ` ${unit}` : ""}`;
}
