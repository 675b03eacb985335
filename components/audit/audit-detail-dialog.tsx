"use client";

import { Badge } from "@/components/ui/badge";
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { cn } from "@/components/ui/cn";
import { formatDateTime } from "@/lib/format";
import { auditDiff } from "./audit-diff";
import type { AuditRow } from "./audit-log-table";

export function AuditDetailDialog({ row, timezone, onOpenChange }: { row: AuditRow | null; timezone: string; onOpenChange: (open: boolean) => void }) {
  const lines = row ? auditDiff(row.oldValue, row.newValue) : [];
  return (
    <Dialog open={!!row} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>
            {row ? (
              <>
                <span className="capitalize">{row.action}</span> {row.entity.replaceAll("_", " ")}
                {row.entityId ? <span className="font-mono text-base text-muted-foreground"> #{row.entityId}</span> : null}
              </>
            ) : (
              "Audit entry"
            )}
          </DialogTitle>
          <DialogDescription>
            {row ? `${formatDateTime(row.timestamp, timezone)} by ${row.user?.name ?? "the system"}${row.user ? ` (${row.user.email})` : ""}` : null}
          </DialogDescription>
        </DialogHeader>
        {lines.length === 0 ? (
          <p className="text-sm text-muted-foreground">This entry records no field values.</p>
        ) : (
          <div className="overflow-x-auto rounded-lg border border-border">
            <table className="w-full text-sm" aria-label="Changes">
              <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
                <tr>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Field
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    Before
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    After
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.field} className="border-t border-border align-top" data-changed={line.changed || undefined}>
                    <th scope="row" className="px-3 py-2 text-left font-mono text-xs font-normal break-all sm:break-normal sm:whitespace-nowrap">
                      {line.field}
                      {line.changed && line.before !== null && line.after !== null ? (
                        <Badge variant="warning" className="ml-2 hidden sm:inline-flex">
                          changed
                        </Badge>
                      ) : null}
                    </th>
                    <td className={cn("min-w-24 px-3 py-2 break-words", line.changed && line.before !== null && "bg-destructive/10 text-destructive line-through decoration-destructive/40")}>
                      {line.before ?? <span className="text-muted-foreground">—</span>}
                    </td>
                    <td className={cn("min-w-24 px-3 py-2 break-words", line.changed && line.after !== null && "bg-success/10 text-success")}>
                      {line.after ?? <span className="text-muted-foreground">—</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </DialogContent>
    </Dialog>
  );
}
