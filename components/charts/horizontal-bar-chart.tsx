import { ChartDataTable } from "./chart-parts";
import { formatChartValue, formatTicks } from "./format";
import type { ValueFormat } from "./format";
import { linearScale, niceTicks } from "./scale";

type Props = {
  /** What the picture shows, for screen readers (the data table has the numbers). */
  label: string;
  rows: { name: string; value: number }[];
  /** What the value is ("Bookings"): the table's column and the tooltips. */
  valueLabel: string;
  /** Header of the table's first column, and its caption. */
  nameHeader: string;
  tableCaption: string;
  format?: ValueFormat;
  color?: string;
};

const rowHeight = 40;
const barThickness = 24;
const axisBand = 22;

/** One bar per row, names on the left and values at the end: plain SVG, no client code of its own. */
export function HorizontalBarChart({ label, rows, valueLabel, nameHeader, tableCaption, format = "count", color = "var(--color-primary)" }: Props) {
  const axis = niceTicks(Math.max(0, ...rows.map((row) => row.value)), { integer: format === "count", count: 5 });
  const x = linearScale(axis.min, axis.max, 0, 100);
  const tickLabels = formatTicks(axis.ticks, format);
  const plotHeight = rows.length * rowHeight;
  return (
    <div className="flex flex-col gap-3">
      <div role="img" aria-label={label} className="@container flex text-xs">
        <div className="flex w-2/5 max-w-40 shrink-0 flex-col pr-3" aria-hidden>
          {rows.map((row, index) => (
            <span key={index} className="truncate text-right leading-10 text-muted-foreground" style={{ height: rowHeight }} title={row.name}>
              {row.name}
            </span>
          ))}
        </div>
        <svg width="100%" height={plotHeight + axisBand} className="min-w-0 flex-1 overflow-visible" aria-hidden>
          {axis.ticks.map((tick, index) => (
            <g key={tick}>
              <line x1={`${x(tick)}%`} x2={`${x(tick)}%`} y1={0} y2={plotHeight} className={tick === 0 ? "stroke-muted-foreground/40" : "stroke-border"} strokeWidth={1} shapeRendering="crispEdges" />
              <text x={`${x(tick)}%`} y={plotHeight + axisBand - 6} textAnchor="middle" className={index % 2 === 0 ? "fill-muted-foreground" : "hidden fill-muted-foreground @sm:inline"}>
                {tickLabels[index]}
              </text>
            </g>
          ))}
          {rows.map((row, index) => (
            <g key={index}>
              <rect x={0} width="100%" y={index * rowHeight} height={rowHeight} className="fill-transparent hover:fill-foreground/5">
                <title>{`${row.name}\n${valueLabel}: ${formatChartValue(row.value, format)}`}</title>
              </rect>
              {row.value > 0 ? (
                <rect
                  data-value={row.value}
                  x={0}
                  width={`${x(row.value)}%`}
                  y={index * rowHeight + (rowHeight - barThickness) / 2}
                  height={barThickness}
                  rx={4}
                  className="pointer-events-none"
                  style={{ fill: color }}
                />
              ) : null}
            </g>
          ))}
        </svg>
        <div className="flex shrink-0 flex-col pl-3" aria-hidden>
          {rows.map((row, index) => (
            <span key={index} className="text-right leading-10 font-medium tabular-nums" style={{ height: rowHeight }}>
              {formatChartValue(row.value, format)}
            </span>
          ))}
        </div>
      </div>
      <ChartDataTable caption={tableCaption} headers={[nameHeader, valueLabel]} rows={rows.map((row, index) => ({ key: String(index), cells: [row.name, formatChartValue(row.value, format)] }))} />
    </div>
  );
}
