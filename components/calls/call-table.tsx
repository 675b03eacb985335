"use client";

import { CheckCircle2, PhoneIncoming, PhoneOutgoing, Volume2 } from "lucide-react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import type { CallListItem } from "@/server/services/call-log";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { directionLabel, formatCallTime, formatDuration, outcomeLabel, statusLabel, statusVariant } from "./call-format";

/** A row of the call log as calls.list returns it. */
export type CallRow = CallListItem;

export function CallTable({ calls, timeZone, linkQuery, caption }: { calls: CallRow[]; timeZone: string; linkQuery: string; caption: string }) {
  const router = useRouter();
  return (
    <Table aria-label={caption}>
      <TableHeader>
        <TableRow>
          <TableHead>Time</TableHead>
          <TableHead>Customer</TableHead>
          <TableHead className="hidden lg:table-cell">Campaign</TableHead>
          <TableHead className="hidden xl:table-cell">Agent</TableHead>
          <TableHead className="hidden md:table-cell">Direction</TableHead>
          <TableHead className="hidden sm:table-cell">Status</TableHead>
          <TableHead className="text-right">Duration</TableHead>
          <TableHead className="hidden sm:table-cell">Outcome</TableHead>
          <TableHead className="hidden sm:table-cell">Reviewed</TableHead>
          <TableHead className="hidden lg:table-cell">Tags</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {calls.map((call) => {
          const href = `/calls/${call.id}${linkQuery}`;
          return (
            <TableRow key={String(call.id)} className="cursor-pointer" onClick={(event) => {
              if ((event.target as HTMLElement).closest("a")) return;
              router.push(href);
            }}>
              <TableCell className="whitespace-nowrap tabular-nums">
                <div className="flex flex-col items-start gap-1">
                  <Link href={href} className="font-medium text-foreground underline-offset-4 hover:underline focus-visible:underline">
                    {formatCallTime(call.startTime, timeZone)}
                  </Link>
                  <Badge variant={statusVariant(call.status)} className="sm:hidden">
                    {statusLabel(call.status)}
                  </Badge>
                </div>
              </TableCell>
              <TableCell>
                <div className="flex min-w-0 flex-col">
                  <span className="truncate font-medium">{call.serviceRecord?.customerName ?? "Unknown caller"}</span>
                  <span className="text-xs text-muted-foreground tabular-nums">{call.customerNumberDisplay || "—"}</span>
                </div>
              </TableCell>
              <TableCell className="hidden max-w-48 truncate lg:table-cell">{call.campaign?.name ?? <span className="text-muted-foreground">—</span>}</TableCell>
              <TableCell className="hidden xl:table-cell">{call.agent?.name ?? <span className="text-muted-foreground">—</span>}</TableCell>
              <TableCell className="hidden md:table-cell">
                <span className="inline-flex items-center gap-1.5">
                  {call.direction === "inbound" ? <PhoneIncoming aria-hidden className="size-4 text-muted-foreground" /> : <PhoneOutgoing aria-hidden className="size-4 text-muted-foreground" />}
                  {directionLabel(call.direction)}
                </span>
              </TableCell>
              <TableCell className="hidden sm:table-cell">
                <Badge variant={statusVariant(call.status)}>{statusLabel(call.status)}</Badge>
              </TableCell>
              <TableCell className="text-right whitespace-nowrap tabular-nums">
                <span className="inline-flex items-center gap-1">
                  {call.hasAudio ? <Volume2 aria-label="Has a recording" className="size-3.5 text-muted-foreground" /> : null}
                  {formatDuration(call.durationSec)}
                </span>
              </TableCell>
              <TableCell className="hidden whitespace-nowrap sm:table-cell">
                {outcomeLabel(call.outcome)}
                {call.hasBooking ? <Badge variant="primary" className="ml-1.5">Booking</Badge> : null}
              </TableCell>
              <TableCell className="hidden sm:table-cell">
                {call.reviewedAt ? (
                  <span className="inline-flex items-center gap-1 text-sm">
                    <CheckCircle2 aria-hidden className="size-4 text-success" /> Yes
                  </span>
                ) : (
                  <span className="text-sm text-muted-foreground">No</span>
                )}
              </TableCell>
              <TableCell className="hidden lg:table-cell">
                <div className="flex flex-wrap gap-1">
                  {call.tags.map((tag) => (
                    <Badge key={String(tag.id)} variant="outline">
                      {tag.name}
                    </Badge>
                  ))}
                </div>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
