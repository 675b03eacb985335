import { ChartDataTable, ChartLegend } from "./chart-parts";
import type { ChartSeries, LegendItem } from "./chart-parts";
import { formatChartValue, formatTicks } from "./format";
import type { ValueFormat } from "./format";
import { band, labelSteps, linearScale, niceTicks, stackRows } from "./scale";

export type ColumnCategory = { key: string; label: string; title: string };
export type LineSeries = ChartSeries & { connectNulls?: boolean };

type Props = {
  /** What the picture shows, for screen readers (the data table has the numbers). */
  label: string;
  /** One per column, left to right: `label` under the axis (thinned to fit), `title` in tooltips and the table. */
  categories: ColumnCategory[];
  /** Per category, each series' value by key. */
  values: Record<string, number | null | undefined>[];
  /** Stacked in this order, from the axis up. */
  bars?: ChartSeries[];
  lines?: LineSeries[];
  reference?: { value: number; label: string; color: string };
  format: ValueFormat;
  /** Height of the plot with its axis labels, in pixels. */
  height: number;
  /** Header of the table's first column, and its caption. */
  categoryHeader: string;
  tableCaption: string;
  /** With several stacked series: the table gets a total column and tooltips a total line. */
  totalLabel?: string;
  /** Dots on the lines' points (off for long series). */
  dots?: boolean;
  /** Whole-number ticks on the value axis (the default for counts). */
  integerAxis?: boolean;
};

const top = 10;
const axisBand = 22;

/** Bars (stacked when there are several series) and lines over the same categories: plain SVG, no client code of its own, so it is in the server-rendered HTML. */
export function ColumnChart({ label, categories, values, bars = [], lines = [], reference, format, height, categoryHeader, tableCaption, totalLabel, dots = true, integerAxis = format === "count" }: Props) {
  const count = categories.length;
  const stacks = stackRows(
    values.map((row) => Object.fromEntries(bars.map((series) => [series.key, row[series.key] ?? 0]))),
    bars.map((series) => series.key),
  );
  const lineValues = lines.flatMap((series) => values.map((row) => row[series.key] ?? null)).filter((value): value is number => value !== null);
  const dataMax = Math.max(0, ...stacks.map((stack) => stack.total), ...lineValues, reference?.value ?? 0);
  const dataMin = Math.min(0, ...lineValues, ...stacks.flatMap((stack) => stack.segments.map((segment) => segment.value)));
  const axis = niceTicks(dataMax, { dataMin, integer: integerAxis, count: 5 });
  const plotBottom = height - axisBand;
  const y = linearScale(axis.min, axis.max, plotBottom, top);
  const steps = labelSteps(count, { wide: 12, narrow: 4 });
  const tickLabels = formatTicks(axis.ticks, format);
  const axisWidth = 14 + Math.max(...tickLabels.map((text) => text.length)) * 7.5;
  const barPadding = count > 40 ? 0.15 : count > 14 ? 0.25 : 0.35;
  const rounded = bars.length === 1 && count <= 31;
  const showTotal = totalLabel !== undefined && bars.length > 1;

  const tooltip = (index: number) => {
    const row = values[index]!;
    const parts = [
      ...(showTotal ? [`${totalLabel}: ${formatChartValue(stacks[index]!.total, format)}`] : []),
      ...bars.filter((series) => !showTotal || row[series.key]).map((series) => `${series.label}: ${formatChartValue(row[series.key] ?? 0, format)}`),
      ...lines.map((series) => `${series.label}: ${formatChartValue(row[series.key] ?? null, format)}`),
      ...(reference ? [`${reference.label}: ${formatChartValue(reference.value, format)}`] : []),
    ];
    return [categories[index]!.title, ...parts].join("\n");
  };

  const legend: LegendItem[] = [
    ...bars.map((series) => ({ ...series, shape: "box" as const })),
    ...lines.map((series) => ({ ...series, shape: "line" as const })),
    ...(reference ? [{ key: "reference", label: reference.label, color: reference.color, shape: "dashed" as const }] : []),
  ];

  return (
    <div className="flex flex-col gap-3">
      <div role="img" aria-label={label} className="@container flex text-xs">
        <svg width={axisWidth} height={height} className="shrink-0 overflow-visible fill-muted-foreground" aria-hidden>
          {axis.ticks.map((tick, index) => (
            <text key={tick} x={axisWidth - 8} y={y(tick)} textAnchor="end" dominantBaseline="middle">
              {tickLabels[index]}
            </text>
          ))}
        </svg>
        <svg width="100%" height={height} className="min-w-0 flex-1 overflow-visible" aria-hidden>
          {axis.ticks.map((tick) => (
            <line key={tick} x1="0" x2="100%" y1={y(tick)} y2={y(tick)} className={tick === 0 ? "stroke-muted-foreground/40" : "stroke-border"} strokeWidth={1} shapeRendering="crispEdges" />
          ))}
          {categories.map((category, index) => {
            const place = band(index, count, 0);
            return (
              <rect key={category.key} x={`${place.start}%`} width={`${place.width}%`} y={top} height={plotBottom - top} className="fill-transparent hover:fill-foreground/5">
                <title>{tooltip(index)}</title>
              </rect>
            );
          })}
          <g className="pointer-events-none">
            {stacks.map((stack, index) => {
              const place = band(index, count, barPadding);
              return stack.segments.map((segment, seriesIndex) =>
                segment.value === 0 ? null : (
                  <rect
                    key={`${categories[index]!.key}-${segment.key}`}
                    data-series={segment.key}
                    data-value={segment.value}
                    x={`${place.start}%`}
                    width={`${place.width}%`}
                    y={Math.min(y(segment.end), y(segment.start))}
                    height={Math.abs(y(segment.start) - y(segment.end))}
                    rx={rounded ? 2 : undefined}
                    style={{ fill: bars[seriesIndex]!.color }}
                  />
                ),
              );
            })}
            {reference ? (
              <line x1="0" x2="100%" y1={y(reference.value)} y2={y(reference.value)} strokeWidth={1.5} strokeDasharray="4 4" style={{ stroke: reference.color }} />
            ) : null}
            {lines.map((series) => (
              <LinePath key={series.key} series={series} points={values.map((row) => row[series.key] ?? null)} y={y} height={height} dots={dots} />
            ))}
          </g>
          {categories.map((category, index) => {
            const visibleNarrow = index % steps.narrow === 0;
            const visibleWide = index % steps.wide === 0;
            if (!visibleWide) return null;
            return (
              <text key={category.key} x={`${band(index, count, 0).centre}%`} y={height - 6} textAnchor="middle" className={visibleNarrow ? "fill-muted-foreground" : "hidden fill-muted-foreground @lg:inline"}>
                {category.label}
              </text>
            );
          })}
        </svg>
      </div>
      <ChartLegend items={legend} />
      <ChartDataTable
        caption={tableCaption}
        headers={[categoryHeader, ...bars.map((series) => series.label), ...(showTotal ? [totalLabel!] : []), ...lines.map((series) => series.label)]}
        rows={categories.map((category, index) => ({
          key: category.key,
          cells: [
            category.title,
            ...bars.map((series) => formatChartValue(values[index]![series.key] ?? 0, format)),
            ...(showTotal ? [formatChartValue(stacks[index]!.total, format)] : []),
            ...lines.map((series) => formatChartValue(values[index]![series.key] ?? null, format)),
          ],
        }))}
      />
    </div>
  );
}

type LineProps = { series: LineSeries; points: (number | null)[]; y: (value: number) => number; height: number; dots: boolean };

/**
 * A line through the centres of the columns, with dots on its points (a long series' only where there is room).
 * The path lives in a nested SVG whose x unit is one column (stretched to the width, the stroke unscaled), so it
 * follows the chart's width without measuring it.
 */
function LinePath({ series, points, y, height, dots }: LineProps) {
  const count = points.length;
  const runs: string[] = [];
  let current = "";
  points.forEach((value, index) => {
    if (value === null) {
      if (!series.connectNulls && current) {
        runs.push(current);
        current = "";
      }
      return;
    }
    current += `${current ? "L" : "M"}${index + 0.5} ${y(value).toFixed(2)}`;
  });
  if (current) runs.push(current);
  return (
    <g data-line={series.key}>
      <svg viewBox={`0 0 ${Math.max(1, count)} ${height}`} preserveAspectRatio="none" width="100%" height={height} overflow="visible">
        {runs.map((path) => (
          <path key={path} d={path} fill="none" strokeWidth={2} strokeLinejoin="round" strokeLinecap="round" vectorEffect="non-scaling-stroke" style={{ stroke: series.color }} />
        ))}
      </svg>
      {dots
        ? points.map((value, index) =>
            value === null ? null : (
              <circle key={index} data-value={value} cx={`${band(index, count, 0).centre}%`} cy={y(value)} r={3} strokeWidth={2} className={count > 14 ? "hidden fill-card @lg:inline" : "fill-card"} style={{ stroke: series.color }} />
            ),
          )
        : null}
    </g>
  );
}
