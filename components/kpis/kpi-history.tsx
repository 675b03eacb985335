"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { ArrowLeft } from "lucide-react";
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { formatKpiValue } from "@/lib/kpis";
import { useTRPC } from "@/lib/trpc/react";
import { shortDay } from "@/components/charts/format";
import { KpiHistoryChart } from "./kpi-history-chart";
import { kpiLabel } from "./kpi-label";

function ManualValueForm({ kpiId }: { kpiId: bigint }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({ periodStart: "", periodEnd: "", value: "" });
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const save = useMutation(
    trpc.kpi.setValue.mutationOptions({
      onSuccess: async () => {
        await queryClient.invalidateQueries({ queryKey: trpc.kpi.pathKey() });
        toast.success("Value saved");
        setValues({ periodStart: "", periodEnd: "", value: "" });
        setErrors({});
      },
      onError: (error) => {
        const fieldErrors = (error.data as { zodError?: { fieldErrors?: Record<string, string[]> } } | undefined)?.zodError?.fieldErrors ?? {};
        setErrors(Object.fromEntries(Object.entries(fieldErrors).map(([field, messages]) => [field, messages[0]])));
        toast.error("The value was not saved", { description: error.message });
      },
    }),
  );
  return (
    <form
      className="grid gap-3 sm:grid-cols-4 sm:items-end"
      onSubmit={(event) => {
        event.preventDefault();
        save.mutate({ kpiId, ...values });
      }}
    >
      <FormField label="First day" htmlFor="value-start" error={errors.periodStart}>
        <Input id="value-start" type="date" value={values.periodStart} onChange={(event) => setValues({ ...values, periodStart: event.target.value })} required />
      </FormField>
      <FormField label="Last day" htmlFor="value-end" error={errors.periodEnd}>
        <Input id="value-end" type="date" value={values.periodEnd} onChange={(event) => setValues({ ...values, periodEnd: event.target.value })} required />
      </FormField>
      <FormField label="Value" htmlFor="value-value" error={errors.value}>
        <Input id="value-value" inputMode="decimal" value={values.value} onChange={(event) => setValues({ ...values, value: event.target.value })} required />
      </FormField>
      <Button type="submit" loading={save.isPending}>
        Save value
      </Button>
    </form>
  );
}

export function KpiHistory({ id, canEdit }: { id: string; canEdit: boolean }) {
  const trpc = useTRPC();
  const { data } = useSuspenseQuery(trpc.kpi.history.queryOptions({ id }));
  const { kpi } = data;
  const target = kpi.targetValue === null ? null : Number(kpi.targetValue.toString());
  const points = data.weeks.map((week) => ({ key: week.from, label: shortDay(week.from), title: `${shortDay(week.from)} – ${shortDay(week.to)}`, actual: week.actual }));
  const hasData = points.some((point) => point.actual !== null);
  return (
    <div className="flex flex-col gap-6">
      <Link href="/kpis" className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
        <ArrowLeft aria-hidden className="size-4" /> All KPIs
      </Link>
      <PageHeader title={kpiLabel(kpi)} description={kpi.formula || kpi.description || undefined} />
      <Card>
        <CardHeader>
          <CardTitle>Last 12 weeks</CardTitle>
          <CardDescription>{target === null ? "No target set." : `Target ${formatKpiValue(target, kpi.unit)} (${kpi.higherIsBetter ? "at least" : "at most"}).`}</CardDescription>
        </CardHeader>
        <CardContent>
          {hasData ? (
            <figure aria-label={`Weekly values of ${kpiLabel(kpi)}`}>
              <KpiHistoryChart name={kpiLabel(kpi)} points={points} target={target} unit={kpi.unit} />
            </figure>
          ) : (
            <EmptyState title="No values in the last 12 weeks" description={kpi.metric === "manual" ? "Enter a value for a week below to see it here." : "Values appear as calls come in."} />
          )}
        </CardContent>
      </Card>
      {kpi.metric === "manual" ? (
        <Card>
          <CardHeader>
            <CardTitle>Values entered by hand</CardTitle>
            <CardDescription>The value of a period counts for any report period that contains it.</CardDescription>
          </CardHeader>
          <CardContent className="flex flex-col gap-4">
            {canEdit ? <ManualValueForm kpiId={kpi.id} /> : null}
            {data.values.length === 0 ? (
              <p className="text-sm text-muted-foreground">No values yet.</p>
            ) : (
              <Table>
                <TableHeader>
                  <TableRow>
                    <TableHead>Period</TableHead>
                    <TableHead className="text-right">Value</TableHead>
                  </TableRow>
                </TableHeader>
                <TableBody>
                  {data.values.map((value) => (
                    <TableRow key={String(value.id)}>
                      <TableCell>
                        {value.periodStart.toISOString().slice(0, 10)} – {value.periodEnd.toISOString().slice(0, 10)}
                      </TableCell>
                      <TableCell className="text-right tabular-nums">{formatKpiValue(Number(value.value.toString()), kpi.unit)}</TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            )}
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
