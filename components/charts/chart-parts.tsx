import type { ReactNode } from "react";

export type ChartSeries = { key: string; label: string; color: string };

export type LegendItem = ChartSeries & { shape: "box" | "line" | "dashed" };

/** The series' names as text, each with a swatch of its colour. */
export function ChartLegend({ items }: { items: LegendItem[] }) {
  if (items.length === 0) return null;
  return (
    <ul className="flex flex-wrap justify-center gap-x-4 gap-y-1 text-xs text-muted-foreground">
      {items.map((item) => (
        <li key={item.key} className="inline-flex items-center gap-1.5">
          {item.shape === "box" ? (
            <span aria-hidden className="size-2.5 shrink-0 rounded-sm" style={{ background: item.color }} />
          ) : (
            <span aria-hidden className="w-3.5 shrink-0 border-t-2" style={{ borderColor: item.color, borderTopStyle: item.shape === "dashed" ? "dashed" : "solid" }} />
          )}
          {item.label}
        </li>
      ))}
    </ul>
  );
}

type TableProps = { caption: string; headers: string[]; rows: { key: string; cells: ReactNode[] }[] };

/** The chart's numbers as a table behind a native disclosure: readable without the picture, and no JavaScript. */
export function ChartDataTable({ caption, headers, rows }: TableProps) {
  return (
    <details className="group text-xs">
      <summary className="w-fit cursor-pointer rounded-sm text-muted-foreground select-none hover:text-foreground">
        <span className="group-open:hidden">Show as table</span>
        <span className="hidden group-open:inline">Hide table</span>
      </summary>
      <div className="mt-2 max-h-80 overflow-auto rounded-md border border-border">
        <table className="w-full border-collapse text-xs tabular-nums">
          <caption className="sr-only">{caption}</caption>
          <thead className="sticky top-0 bg-muted">
            <tr>
              {headers.map((header, index) => (
                <th key={header} scope="col" className={index === 0 ? "px-2 py-1.5 text-left font-medium" : "px-2 py-1.5 text-right font-medium"}>
                  {header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.key} className="border-t border-border">
                {row.cells.map((cell, index) =>
                  index === 0 ? (
                    <th key={index} scope="row" className="px-2 py-1 text-left font-normal whitespace-nowrap">
                      {cell}
                    </th>
                  ) : (
                    <td key={index} className="px-2 py-1 text-right">
                      {cell}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </details>
  );
}
