import { platformFigures } from "@/lib/platform-metrics";
import type { PlatformFigureKey, PlatformSortField } from "@/lib/platform-metrics";
import { Prisma } from "../generated/prisma/client";
import type { OrganizationFigures } from "./metrics";

// What the platform view derives from the per-organization figures of computePlatformMetrics (a
// handful of rows, one per service center): sorting, and one organization against the others.

export type FigureValue = number | Prisma.Decimal | null;

/** The value of one figure of an organization (money stays Decimal). */
export function figureValue(row: OrganizationFigures, key: PlatformFigureKey): FigureValue {
  return key === "creditBalance" ? row.creditBalance : row.metrics[key];
}

const asDecimal = (value: FigureValue) => (value === null ? null : new Prisma.Decimal(value));

/** Rows in the requested order; organizations without a value (no calls, no rating…) always come last. */
export function sortOrganizations(rows: OrganizationFigures[], sort: PlatformSortField, direction: "asc" | "desc"): OrganizationFigures[] {
  const sign = direction === "asc" ? 1 : -1;
  return [...rows].sort((a, b) => {
    if (sort === "name") return sign * a.name.localeCompare(b.name);
    const left = asDecimal(figureValue(a, sort));
    const right = asDecimal(figureValue(b, sort));
    if (left === null || right === null) return left === right ? a.name.localeCompare(b.name) : left === null ? 1 : -1;
    return sign * left.comparedTo(right) || a.name.localeCompare(b.name);
  });
}

function median(sorted: Prisma.Decimal[]): Prisma.Decimal | null {
  if (sorted.length === 0) return null;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : sorted[middle - 1]!.plus(sorted[middle]!).dividedBy(2);
}

export type FigureComparison = {
  key: PlatformFigureKey;
  value: FigureValue;
  /** Median and average of the other organizations that have this figure (an empty rate has none). */
  othersMedian: FigureValue;
  othersAverage: FigureValue;
  othersCounted: number;
  /** 1 is the best (highest, or lowest for cost per booking; highest for neutral figures); ties share a rank. */
  rank: number | null;
  rankedAmong: number;
  /** Where the value stands against the others' median. */
  position: "above" | "below" | "level" | null;
};

/** One organization's figures next to the median and average of the others, with its rank per figure. */
export function compareWithOthers(rows: OrganizationFigures[], organizationId: string): FigureComparison[] {
  const own = rows.find((row) => row.organizationId === organizationId);
  if (!own) throw new Error(`Organization ${organizationId} is not among the rows.`);
  return platformFigures.map((figure) => {
    const money = figure.kind === "money";
    const output = (value: Prisma.Decimal | null): FigureValue => (value === null ? null : money ? value.toDecimalPlaces(2) : value.toNumber());
    const value = asDecimal(figureValue(own, figure.key));
    const others = rows
      .filter((row) => row.organizationId !== organizationId)
      .map((row) => asDecimal(figureValue(row, figure.key)))
      .filter((other): other is Prisma.Decimal => other !== null)
      .sort((a, b) => a.comparedTo(b));
    const othersMedian = median(others);
    const othersAverage = others.length === 0 ? null : others.reduce((sum, other) => sum.plus(other), new Prisma.Decimal(0)).dividedBy(others.length);
    const better = (other: Prisma.Decimal) => (figure.better === "lower" ? other.lessThan(value!) : other.greaterThan(value!));
    const comparison = value === null || othersMedian === null ? 0 : value.comparedTo(othersMedian);
    return {
      key: figure.key,
      value: output(value),
      othersMedian: output(othersMedian),
      othersAverage: output(othersAverage),
      othersCounted: others.length,
      rank: value === null ? null : 1 + others.filter(better).length,
      rankedAmong: others.length + (value === null ? 0 : 1),
      position: value === null || othersMedian === null ? null : comparison > 0 ? "above" : comparison < 0 ? "below" : "level",
    };
  });
}
