import type { BadgeVariant } from "@/components/ui/badge";
import { dateTimeFormat } from "@/lib/intl";

/** 75 → "1:15"; null → "—". */
export function formatDuration(seconds: number | null | undefined): string {
  if (seconds === null || seconds === undefined) return "—";
  const whole = Math.max(0, Math.floor(seconds));
  const hours = Math.floor(whole / 3600);
  const minutes = Math.floor((whole % 3600) / 60);
  const rest = String(whole % 60).padStart(2, "0");
  return hours ? `${hours}:${String(minutes).padStart(2, "0")}:${rest}` : `${minutes}:${rest}`;
}

/** Seconds from the start of the call to a turn, or null when either time is unknown. */
export function offsetSeconds(start: Date | null, at: Date | null): number | null {
  if (!start || !at) return null;
  return Math.max(0, (at.getTime() - start.getTime()) / 1000);
}

const words = (value: string) => value.replace(/_/g, " ").replace(/^./, (first) => first.toUpperCase());

export const statusLabel = (status: string) => words(status);
export const outcomeLabel = (outcome: string | null) => (outcome ? words(outcome) : "—");
export const directionLabel = (direction: string) => (direction === "inbound" ? "Inbound" : "Outbound");

export function statusVariant(status: string): BadgeVariant {
  if (status === "completed") return "success";
  if (status === "failed" || status === "busy") return "destructive";
  if (status === "no_answer" || status === "voicemail") return "warning";
  return "neutral";
}

export function formatCallTime(value: Date | null, timeZone: string): string {
  if (!value) return "—";
  return dateTimeFormat({ month: "short", day: "numeric", hour: "numeric", minute: "2-digit", timeZone }).format(value);
}
