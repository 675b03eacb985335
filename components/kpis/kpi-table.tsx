"use client";

import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { Download, Pencil, Plus, Target, Trash2 } from "lucide-react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { useState } from "react";
import { formatRange, PeriodToolbar } from "@/components/period/period-toolbar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { cn } from "@/components/ui/cn";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { formatKpiValue } from "@/lib/kpis";
import { useTRPC } from "@/lib/trpc/react";
import { dashboardInputFromParams } from "@/lib/period";
import { kpiLabel } from "./kpi-label";
import { KpiTableSkeleton } from "./kpi-table-skeleton";
import type { EditableKpi } from "./kpi-form-dialog";
import { lazyDialog } from "@/components/ui/lazy";

const KpiFormDialog = lazyDialog(() => import("./kpi-form-dialog").then((module) => module.KpiFormDialog));

const statusBadges = {
  on_target: { label: "On target", variant: "success" },
  off_target: { label: "Off target", variant: "destructive" },
  no_target: { label: "No target", variant: "neutral" },
  no_data: { label: "No data", variant: "neutral" },
} as const;


function csvCell(value: string) {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

type KpiRow = EditableKpi & { formula: string; actual: number | null; previous: number | null; status: keyof typeof statusBadges };

function downloadCsv(rows: KpiRow[], range: { from: string; to: string }) {
  const header = ["KPI", "Type", "Unit", "Target", "Actual", "Previous period", "Status", "Formula"];
  const lines = rows.map((kpi) =>
    [kpiLabel(kpi), kpi.type, kpi.unit ?? "", kpi.targetValue?.toString() ?? "", kpi.actual?.toFixed(2) ?? "", kpi.previous?.toFixed(2) ?? "", statusBadges[kpi.status].label, kpi.formula].map(csvCell).join(","),
  );
  const blob = new Blob([[header.join(","), ...lines].join("\n") + "\n"], { type: "text/csv" });
  const link = document.createElement("a");
  link.href = URL.createObjectURL(blob);
  link.download = `kpis-${range.from}-to-${range.to}.csv`;
  link.click();
  URL.revokeObjectURL(link.href);
}

function Trend({ actual, previous, higherIsBetter, unit }: { actual: number | null; previous: number | null; higherIsBetter: boolean; unit: string | null }) {
  if (actual === null || previous === null) return <span className="text-muted-foreground">—</span>;
  const change = actual - previous;
  if (Math.abs(change) < 0.005) return <span className="text-muted-foreground">no change</span>;
  const better = higherIsBetter ? change > 0 : change < 0;
  return (
    <span className={cn("tabular-nums", better ? "text-success" : "text-destructive")}>
      {change > 0 ? "▲" : "▼"} {formatKpiValue(Math.abs(change), unit)}
      <span className="sr-only">{better ? " better" : " worse"} than the previous period</span>
    </span>
  );
}

export function KpiTable({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const searchParams = useSearchParams();
  const input = dashboardInputFromParams(searchParams);
  const list = useQuery({ ...trpc.kpi.list.queryOptions(input), placeholderData: keepPreviousData });
  const [editing, setEditing] = useState<EditableKpi | null | "new">(null);
  const [deleting, setDeleting] = useState<KpiRow | null>(null);
  const remove = useMutation(
    trpc.kpi.delete.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.kpi.pathKey() });
        toast.success("KPI deleted");
        setDeleting(null);
      },
      onError: (error) => toast.error("The KPI was not deleted", { description: error.message }),
    }),
  );

  if (list.isError) return <ErrorState title="KPIs could not be loaded" message={list.error.message} onRetry={() => void list.refetch()} />;
  if (!list.data) return <KpiTableSkeleton />;
  const rows = list.data.kpis as KpiRow[];
  const offTarget = rows.filter((kpi) => kpi.status === "off_target").length;

  return (
    <div className={cn("flex flex-col gap-6", list.isPlaceholderData && "opacity-60")} aria-busy={list.isFetching}>
      <PageHeader
        title="KPIs"
        description={`${formatRange(list.data.range)} · ${offTarget ? `${offTarget} off target` : "all measured KPIs on target"}`}
        actions={
          <div className="flex gap-2">
            <Button variant="outline" onClick={() => downloadCsv(rows, list.data.range)}>
              <Download aria-hidden className="size-4" /> Export CSV
            </Button>
            {canEdit ? (
              <Button onClick={() => setEditing("new")}>
                <Plus aria-hidden className="size-4" /> New KPI
              </Button>
            ) : null}
          </div>
        }
      />
      <PeriodToolbar campaigns={list.data.campaigns} range={list.data.range} />
      {rows.length === 0 ? (
        <EmptyState icon={<Target />} title="No KPIs yet" description={canEdit ? "Create a KPI to track a metric against a target." : "An Admin can define KPIs with targets."} />
      ) : (
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>KPI</TableHead>
              <TableHead className="text-right">Target</TableHead>
              <TableHead className="text-right">Actual</TableHead>
              <TableHead className="text-right">vs previous</TableHead>
              <TableHead>Status</TableHead>
              {canEdit ? <TableHead className="sr-only">Actions</TableHead> : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((kpi) => (
              <TableRow key={String(kpi.id)} data-testid={`kpi-row-${kpi.name}`}>
                <TableCell className="max-w-md">
                  <Link href={`/kpis/${kpi.id}`} className="font-medium hover:text-primary hover:underline">
                    {kpiLabel(kpi)}
                  </Link>
                  {kpi.type === "Core" ? <Badge variant="outline" className="ml-2">Core</Badge> : null}
                  <p className="text-xs text-muted-foreground">{kpi.formula || kpi.description}</p>
                </TableCell>
                <TableCell className="text-right tabular-nums">{kpi.targetValue === null ? "—" : formatKpiValue(Number(kpi.targetValue.toString()), kpi.unit)}</TableCell>
                <TableCell className="text-right font-medium tabular-nums">{formatKpiValue(kpi.actual, kpi.unit)}</TableCell>
                <TableCell className="text-right text-sm">
                  <Trend actual={kpi.actual} previous={kpi.previous} higherIsBetter={kpi.higherIsBetter} unit={kpi.unit} />
                </TableCell>
                <TableCell>
                  <Badge variant={statusBadges[kpi.status].variant}>{statusBadges[kpi.status].label}</Badge>
                </TableCell>
                {canEdit ? (
                  <TableCell className="text-right whitespace-nowrap">
                    <Button variant="ghost" size="icon" aria-label={`Edit ${kpiLabel(kpi)}`} onClick={() => setEditing(kpi)}>
                      <Pencil aria-hidden className="size-4" />
                    </Button>
                    {kpi.type === "Custom" ? (
                      <Button variant="ghost" size="icon" aria-label={`Delete ${kpiLabel(kpi)}`} onClick={() => setDeleting(kpi)}>
                        <Trash2 aria-hidden className="size-4" />
                      </Button>
                    ) : null}
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canEdit ? <KpiFormDialog open={editing !== null} onOpenChange={(open) => !open && setEditing(null)} kpi={editing === "new" ? null : editing} campaigns={list.data.campaigns} /> : null}
      <ConfirmDialog
        open={deleting !== null}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Delete ${deleting?.name ?? "this KPI"}?`}
        description="Its target and any values entered by hand are deleted too. Core KPIs cannot be deleted."
        confirmLabel="Delete KPI"
        destructive
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      />
    </div>
  );
}
