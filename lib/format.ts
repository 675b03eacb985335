import type Decimal from "decimal.js";
import { dateTimeFormat, numberFormat } from "./intl";

type DecimalLike = Decimal | { toString(): string } | string | number;

/** Money and credits: exact decimals shown as US dollars (never through float arithmetic on the value). */
export function formatMoney(value: DecimalLike | null | undefined): string {
  if (value === null || value === undefined) return "—";
  const text = value.toString();
  const negative = text.startsWith("-");
  const [whole = "0", fraction = ""] = text.replace("-", "").split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${negative ? "−" : ""}$${grouped}.${(fraction + "00").slice(0, 2)}`;
}

export function formatDateTime(value: Date | null | undefined, timeZone?: string): string {
  if (!value) return "—";
  return dateTimeFormat({ dateStyle: "medium", timeStyle: "short", timeZone }).format(value);
}

export function formatNumber(value: number): string {
  return numberFormat().format(value);
}

export { roleLabels } from "./roles";

/** A share as a percentage ("75%", "66.7%"); "—" when there is nothing to divide by. */
export function formatPercent(value: number | null | undefined, digits = 1): string {
  if (value === null || value === undefined) return "—";
  return numberFormat({ style: "percent", maximumFractionDigits: digits }).format(value);
}

/** Seconds as m:ss (or h:mm:ss). */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "—";
  const whole = Math.round(seconds);
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, "0");
  return hours ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}
