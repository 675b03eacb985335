import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ColumnChart } from "@/components/charts/column-chart";
import { formatTicks } from "@/components/charts/format";
import { HorizontalBarChart } from "@/components/charts/horizontal-bar-chart";
import { band, labelSteps, linearScale, niceStep, niceTicks, stackRows } from "@/components/charts/scale";

/** Every <rect> that draws a value (data-value), with its numeric attributes. */
function valueRects(html: string) {
  return [...html.matchAll(/<rect([^>]*)data-value="([^"]+)"([^>]*)>/g)].map((match) => {
    const attributes = match[1]! + match[3]!;
    const attribute = (name: string) => attributes.match(new RegExp(`\\s${name}="([^"]+)"`))?.[1] ?? "";
    return { value: Number(match[2]), series: attribute("data-series"), y: Number(attribute("y")), height: Number(attribute("height")), width: attribute("width") };
  });
}

describe("niceTicks", () => {
  it("starts at 0, steps by a round number and ends on or above the largest value", () => {
    for (const max of [1, 3, 7, 9, 10, 11, 47, 99, 100, 101, 523, 1_234, 98_765, 0.37, 4.6, 62.5]) {
      const { ticks, step } = niceTicks(max);
      expect(ticks[0]).toBe(0);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
      // No more than one step of empty room above the data.
      expect(ticks.at(-1)! - max).toBeLessThan(step + 1e-9);
      expect(ticks.length).toBeGreaterThanOrEqual(2);
      expect(ticks.length).toBeLessThanOrEqual(7);
      for (let index = 1; index < ticks.length; index++) expect(ticks[index]! - ticks[index - 1]!).toBeCloseTo(step, 9);
      const mantissa = step / 10 ** Math.floor(Math.log10(step));
      expect([1, 2, 2.5, 5]).toContain(Number(mantissa.toFixed(6)));
    }
  });

  it("gives exact, readable decimals", () => {
    expect(niceTicks(0.37).ticks).toEqual([0, 0.1, 0.2, 0.3, 0.4]);
    expect(niceTicks(62.5).ticks).toEqual([0, 20, 40, 60, 80]);
    expect(niceTicks(100).ticks).toEqual([0, 25, 50, 75, 100]);
  });

  it("keeps to whole numbers for counts, also for tiny maxima", () => {
    expect(niceTicks(3, { integer: true }).ticks).toEqual([0, 1, 2, 3]);
    expect(niceTicks(10, { integer: true }).ticks.every(Number.isInteger)).toBe(true);
    expect(niceTicks(0, { integer: true }).ticks.every(Number.isInteger)).toBe(true);
    expect(niceStep(0.3, true)).toBe(1);
  });

  it("has a usable axis without data and reaches below zero for negative values", () => {
    expect(niceTicks(0).ticks.length).toBeGreaterThanOrEqual(2);
    const negative = niceTicks(40, { dataMin: -15 });
    expect(negative.min).toBeLessThanOrEqual(-15);
    expect(negative.ticks).toContain(0);
    expect(negative.max).toBeGreaterThanOrEqual(40);
  });
});

describe("scales, stacks and labels", () => {
  it("maps values linearly, with an inverted range for SVG's downward y", () => {
    const y = linearScale(0, 200, 180, 10);
    expect(y(0)).toBe(180);
    expect(y(200)).toBe(10);
    expect(y(100)).toBe(95);
  });

  it("stacks each row's series in order and totals them, missing values as 0", () => {
    const [first, second] = stackRows([{ completed: 5, busy: 2 }, { busy: 4 }], ["completed", "busy", "failed"]);
    expect(first!.total).toBe(7);
    expect(first!.segments.map((segment) => [segment.start, segment.end])).toEqual([[0, 5], [5, 7], [7, 7]]);
    expect(second!.total).toBe(4);
    expect(second!.segments[1]).toMatchObject({ key: "busy", start: 0, end: 4 });
  });

  it("thins day labels to fit, a phone's being a subset of the desktop's", () => {
    expect(labelSteps(7)).toEqual({ wide: 1, narrow: 2 });
    const ninety = labelSteps(90);
    expect(Math.ceil(90 / ninety.wide)).toBeLessThanOrEqual(10);
    expect(Math.ceil(90 / ninety.narrow)).toBeLessThanOrEqual(4);
    expect(ninety.narrow % ninety.wide).toBe(0);
  });

  it("places bands side by side across the width", () => {
    expect(band(0, 4, 0)).toEqual({ start: 0, centre: 12.5, width: 25 });
    expect(band(3, 4, 0.2).start + band(3, 4, 0.2).width).toBeCloseTo(97.5, 9);
  });

  it("writes short ticks in the KPI's unit, compact for a whole axis or not at all", () => {
    expect(formatTicks([0, 5_000, 10_000, 15_000], "count")).toEqual(["0", "5K", "10K", "15K"]);
    expect(formatTicks([0, 2_500, 5_000, 7_500], "count")).toEqual(["0", "2,500", "5,000", "7,500"]);
    expect(formatTicks([0, 20, 40], { kpiUnit: "%" })).toEqual(["0%", "20%", "40%"]);
    expect(formatTicks([0, 125], { kpiUnit: "s" })).toEqual(["0:00", "2:05"]);
  });
});

describe("the drawn charts", () => {
  const days = [
    { day: "2026-11-01", completed: 30, busy: 10 },
    { day: "2026-11-02", completed: 15, busy: 0 },
    { day: "2026-11-03", completed: 0, busy: 5 },
  ];
  const html = renderToStaticMarkup(
    createElement(ColumnChart, {
      label: "Calls by day",
      categories: days.map((day) => ({ key: day.day, label: day.day.slice(5), title: day.day })),
      values: days.map(({ completed, busy }) => ({ completed, busy })),
      bars: [
        { key: "completed", label: "Connected", color: "red" },
        { key: "busy", label: "Busy", color: "blue" },
      ],
      format: "count",
      height: 240,
      categoryHeader: "Day",
      tableCaption: "Calls by day",
      totalLabel: "Calls",
    }),
  );

  it("draws one segment per non-zero value, heights proportional to the values, stacked without gaps", () => {
    const rects = valueRects(html);
    expect(rects.map((rect) => [rect.series, rect.value])).toEqual([["completed", 30], ["busy", 10], ["completed", 15], ["busy", 5]]);
    const perUnit = rects[0]!.height / 30;
    for (const rect of rects) expect(rect.height).toBeCloseTo(rect.value * perUnit, 6);
    // Day 1: busy sits right on top of connected.
    expect(rects[1]!.y + rects[1]!.height).toBeCloseTo(rects[0]!.y, 6);
    // Every bar stands on the same baseline.
    expect(rects[0]!.y + rects[0]!.height).toBeCloseTo(rects[2]!.y + rects[2]!.height, 6);
  });

  it("has an accessible name, a text legend and a table with each day's numbers and total", () => {
    expect(html).toContain('role="img" aria-label="Calls by day"');
    expect(html).toMatch(/<li[^>]*>.*?Connected<\/li>/);
    const rows = [...html.matchAll(/<tr[^>]*><th scope="row"[^>]*>([^<]+)<\/th>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/g)].map((match) => [match[1], ...[...match[2]!.matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((cell) => cell[1])]);
    expect(rows).toEqual([
      ["2026-11-01", "30", "10", "40"],
      ["2026-11-02", "15", "0", "15"],
      ["2026-11-03", "0", "5", "5"],
    ]);
    expect(html).toContain("<title>2026-11-01\nCalls: 40\nConnected: 30\nBusy: 10</title>");
  });

  it("draws horizontal bars as widths proportional to their values on the axis", () => {
    const bars = renderToStaticMarkup(
      createElement(HorizontalBarChart, {
        label: "Funnel",
        rows: [
          { name: "Calls", value: 80 },
          { name: "Connected", value: 40 },
          { name: "Booked", value: 0 },
        ],
        valueLabel: "Count",
        nameHeader: "Step",
        tableCaption: "Funnel",
      }),
    );
    const rects = valueRects(bars);
    expect(rects.map((rect) => rect.value)).toEqual([80, 40]);
    expect(parseFloat(rects[0]!.width)).toBeCloseTo(2 * parseFloat(rects[1]!.width), 6);
    expect(parseFloat(rects[0]!.width)).toBeLessThanOrEqual(100);
    expect(bars).toContain("<title>Booked\nCount: 0</title>");
  });
});
