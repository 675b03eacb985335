import { formatNumber } from "@/lib/format";
import { dateTimeFormat } from "@/lib/intl";

type Props = { data: { day: string; calls: number }[] };

const dayLabel = (day: string) => dateTimeFormat({ month: "short", day: "numeric", timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

/** A bar per day; the numbers are also in a table for screen readers. */
export function CallsChart({ data }: Props) {
  const max = Math.max(1, ...data.map((point) => point.calls));
  const total = data.reduce((sum, point) => sum + point.calls, 0);
  return (
    <figure className="flex flex-col gap-2">
      <div aria-hidden className="flex h-40 items-end gap-[2px] border-b border-border">
        {data.map((point) => (
          <div key={point.day} className="group relative flex h-full flex-1 items-end" title={`${dayLabel(point.day)}: ${formatNumber(point.calls)} calls`}>
            <div className="w-full rounded-t-sm bg-primary/80 group-hover:bg-primary" style={{ height: `${(point.calls / max) * 100}%`, minHeight: point.calls ? 2 : 0 }} />
          </div>
        ))}
      </div>
      <div aria-hidden className="flex justify-between text-xs text-muted-foreground">
        <span>{data[0] ? dayLabel(data[0].day) : ""}</span>
        <span>{data.at(-1) ? dayLabel(data.at(-1)!.day) : ""}</span>
      </div>
      <figcaption className="text-sm text-muted-foreground">
        {formatNumber(total)} calls in the last {data.length} days (days in UTC); busiest day {formatNumber(max === 1 && total === 0 ? 0 : max)} calls.
      </figcaption>
      <div className="sr-only">
        <table>
          <caption>Calls per day</caption>
          <thead>
            <tr>
              <th scope="col">Day</th>
              <th scope="col">Calls</th>
            </tr>
          </thead>
          <tbody>
            {data.map((point) => (
              <tr key={point.day}>
                <td>{dayLabel(point.day)}</td>
                <td>{point.calls}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
