import { formatDuration, formatMoney, formatNumber, formatPercent } from "./format";
import { numberFormat } from "./intl";

// The figures of the platform view (/admin/platform): the dashboard's metrics per organization. Apart from
// lib/platform-metrics.ts (zod): the view draws them in the browser.
export type FigureKind = "count" | "rate" | "seconds" | "rating" | "money";

export const platformFigures = [
  { key: "attempted", label: "Calls", kind: "count", better: "higher", hint: "Calls placed in the period" },
  { key: "connected", label: "Connected", kind: "count", better: "higher", hint: "Calls with status completed" },
  { key: "connectRate", label: "Connect rate", kind: "rate", better: "higher", hint: "Connected calls ÷ calls placed" },
  { key: "booked", label: "Booked", kind: "count", better: "higher", hint: "Connected calls with a booking" },
  { key: "bookingRate", label: "Booking rate", kind: "rate", better: "higher", hint: "Booked ÷ connected calls" },
  { key: "showRate", label: "Show rate", kind: "rate", better: "higher", hint: "Completed ÷ (completed + no-show) bookings scheduled in the period" },
  { key: "averageDurationSec", label: "Avg. duration", kind: "seconds", better: "higher", hint: "Over connected calls" },
  { key: "averageRating", label: "Avg. rating", kind: "rating", better: "higher", hint: "Over service records rated in the period" },
  { key: "creditsDebited", label: "Credits debited", kind: "money", better: null, hint: "Charges for the calls placed in the period" },
  { key: "costPerBooking", label: "Cost per booking", kind: "money", better: "lower", hint: "Credits debited ÷ booked" },
  { key: "creditBalance", label: "Credit balance", kind: "money", better: null, hint: "Balance now" },
] as const satisfies readonly { key: string; label: string; kind: FigureKind; better: "higher" | "lower" | null; hint: string }[];

export type PlatformFigureKey = (typeof platformFigures)[number]["key"];

export const platformSortFields = ["name", ...platformFigures.map((figure) => figure.key)] as ["name", ...PlatformFigureKey[]];
export type PlatformSortField = (typeof platformSortFields)[number];

/** A figure as people read it ("75%", "2:20", "3.5 / 5", "$1.37"); "—" when there is none. */
export function formatFigure(kind: FigureKind, value: number | { toString(): string } | null): string {
  if (value === null) return "—";
  if (kind === "money") return formatMoney(value);
  const number = Number(value.toString());
  if (kind === "rate") return formatPercent(number);
  if (kind === "seconds") return formatDuration(number);
  if (kind === "rating") return `${number.toFixed(1)} / 5`;
  return Number.isInteger(number) ? formatNumber(number) : numberFormat({ maximumFractionDigits: 1 }).format(number);
}
