"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Controller, useForm, useWatch } from "react-hook-form";
import type { FieldPath } from "react-hook-form";
import { handleEditConflict } from "@/components/ui/edit-conflict";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Switch } from "@/components/ui/switch";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { kpiMetricInfo, kpiMetricOptions } from "@/lib/kpis";
import type { KpiMetricOption } from "@/lib/kpis";
import { useTRPC } from "@/lib/trpc/react";
import { kpiCreateInput } from "@/lib/validation/kpi";
import type { KpiCreateFormValues, KpiCreateValues } from "@/lib/validation/kpi";
import { callOutcomes } from "@/lib/value-sets";

export type EditableKpi = {
  id: bigint;
  name: string;
  type: "Core" | "Custom";
  description: string | null;
  metric: string;
  unit: string | null;
  targetValue: { toString(): string } | null;
  higherIsBetter: boolean;
  filter: unknown;
  updatedAt?: Date;
};

type ServerError = { message: string; data?: { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null; conflictFields?: string[] | null } | null };

const anyValue = "any";

function defaultsFor(kpi: EditableKpi | null): KpiCreateFormValues {
  const filter = (kpi?.filter ?? {}) as { campaignId?: string; serviceType?: string; outcome?: (typeof callOutcomes)[number] };
  return {
    name: kpi?.name ?? "",
    description: kpi?.description ?? "",
    metric: (kpi?.metric as KpiMetricOption) ?? "booking_rate",
    unit: kpi?.unit ?? "%",
    targetValue: kpi?.targetValue?.toString() ?? "",
    higherIsBetter: kpi?.higherIsBetter ?? true,
    filter: { campaignId: filter.campaignId, serviceType: filter.serviceType, outcome: filter.outcome },
  };
}

/** Create a custom KPI, or edit one (a core KPI only changes its target and description). */
export function KpiFormDialog({ open, onOpenChange, kpi, campaigns }: { open: boolean; onOpenChange: (open: boolean) => void; kpi: EditableKpi | null; campaigns: { id: bigint; name: string }[] }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const isCore = kpi?.type === "Core";
  const form = useForm<KpiCreateFormValues, unknown, KpiCreateValues>({ resolver: zodResolver(kpiCreateInput), values: defaultsFor(kpi) });
  const { errors } = form.formState;
  const onSuccess = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.kpi.pathKey() });
    toast.success(kpi ? "KPI saved" : "KPI created");
    onOpenChange(false);
  };
  const onError = (error: ServerError) => {
    if (handleEditConflict(error, () => void queryClient.invalidateQueries({ queryKey: trpc.kpi.pathKey() }))) return;
    for (const [field, messages] of Object.entries(error.data?.zodError?.fieldErrors ?? {})) {
      if (messages?.[0]) form.setError(field as FieldPath<KpiCreateFormValues>, { message: messages[0] });
    }
    if (error.data?.conflictFields?.length) form.setError("name", { message: "Another KPI already has this name." });
    toast.error("The KPI was not saved", { description: error.message });
  };
  const create = useMutation(trpc.kpi.create.mutationOptions({ onSuccess, onError }));
  const update = useMutation(trpc.kpi.update.mutationOptions({ onSuccess, onError }));
  const pending = create.isPending || update.isPending;
  const metric = useWatch({ control: form.control, name: "metric" });

  const submit = form.handleSubmit(() => {
    const values = form.getValues();
    const filter = Object.fromEntries(Object.entries(values.filter ?? {}).filter(([, value]) => value)) as KpiCreateFormValues["filter"];
    if (!kpi) return create.mutate({ ...values, filter });
    if (isCore) return update.mutate({ id: kpi.id, expectedUpdatedAt: kpi.updatedAt, targetValue: values.targetValue, description: values.description ?? "" });
    update.mutate({ id: kpi.id, expectedUpdatedAt: kpi.updatedAt, ...values, description: values.description ?? "", unit: values.unit ?? "", higherIsBetter: values.higherIsBetter ?? true, filter: filter ?? {} });
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{kpi ? `Edit ${kpi.name}` : "New KPI"}</DialogTitle>
          <DialogDescription>{isCore ? "A core KPI's definition is set by the product; you choose its target." : "Measure one of the product's metrics, optionally narrowed, or enter values by hand."}</DialogDescription>
        </DialogHeader>
        <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-label="KPI">
          <FormField label="Name" htmlFor="kpi-name" error={errors.name?.message} required>
            <Input {...fieldA11y("kpi-name", errors.name?.message)} {...form.register("name")} disabled={isCore} />
          </FormField>
          {!isCore ? (
            <FormField label="Measures" htmlFor="kpi-metric" error={errors.metric?.message}>
              <Controller
                control={form.control}
                name="metric"
                render={({ field }) => (
                  <Select value={field.value} onValueChange={(value) => {
                    field.onChange(value);
                    form.setValue("unit", kpiMetricInfo[value as KpiMetricOption].unit || form.getValues("unit"));
                    form.setValue("higherIsBetter", kpiMetricInfo[value as KpiMetricOption].higherIsBetter);
                  }}>
                    <SelectTrigger id="kpi-metric">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      {kpiMetricOptions.map((option) => (
                        <SelectItem key={option} value={option}>
                          {kpiMetricInfo[option].label}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                )}
              />
              <p className="text-xs text-muted-foreground">{kpiMetricInfo[metric]?.formula}</p>
            </FormField>
          ) : null}
          {!isCore && metric !== "manual" ? (
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField label="Campaign" htmlFor="kpi-campaign">
                <Controller
                  control={form.control}
                  name="filter.campaignId"
                  render={({ field }) => (
                    <Select value={field.value ? String(field.value) : anyValue} onValueChange={(value) => field.onChange(value === anyValue ? undefined : value)}>
                      <SelectTrigger id="kpi-campaign">
                        <SelectValue />
                      </SelectTrigger>
                      <SelectContent>
                        <SelectItem value={anyValue}>Any campaign</SelectItem>
                        {campaigns.map((campaign) => (
                          <SelectItem key={String(campaign.id)} value={String(campaign.id)}>
                            {campaign.name}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  )}
                />
              </FormField>
              <FormField label="Call outcome" htmlFor="kpi-outcome">
                <Controller
                  control={form.control}
                  name="filter.outcome"
                  render={({ field }) => (
                    <Select value={field.value ?? anyValue} onValueChange={(value) => field.onChange(value === anyValue ? undefined : value)}>
                      <SelectTrigger id="kpi-outcome">
                        <SelectValue />
                      </SelectTrigger>
                      <SelectContent>
                        <SelectItem value={anyValue}>Any outcome</SelectItem>
                        {callOutcomes.map((outcome) => (
                          <SelectItem key={outcome} value={outcome}>
                            {outcome.replace(/_/g, " ")}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  )}
                />
              </FormField>
              <FormField label="Service type" htmlFor="kpi-service-type" className="sm:col-span-2" description="Exactly as on the service records, e.g. Oil change">
                <Input id="kpi-service-type" {...form.register("filter.serviceType", { setValueAs: (value: string) => value.trim() || undefined })} />
              </FormField>
            </div>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="Target" htmlFor="kpi-target" error={errors.targetValue?.message}>
              <Input {...fieldA11y("kpi-target", errors.targetValue?.message)} {...form.register("targetValue")} inputMode="decimal" placeholder="e.g. 35" />
            </FormField>
            <FormField label="Unit" htmlFor="kpi-unit" error={errors.unit?.message}>
              <Input {...fieldA11y("kpi-unit", errors.unit?.message)} {...form.register("unit")} disabled={isCore} placeholder="%, s, $…" />
            </FormField>
          </div>
          {!isCore ? (
            <Controller
              control={form.control}
              name="higherIsBetter"
              render={({ field }) => (
                <div className="flex items-center justify-between gap-4">
                  <label htmlFor="kpi-direction" className="text-sm">
                    Higher is better
                    <span className="block text-xs text-muted-foreground">Off target means below the target (or above it, when off).</span>
                  </label>
                  <Switch id="kpi-direction" checked={field.value ?? true} onCheckedChange={field.onChange} />
                </div>
              )}
            />
          ) : null}
          <FormField label="Description" htmlFor="kpi-description" error={errors.description?.message}>
            <Textarea {...fieldA11y("kpi-description", errors.description?.message)} {...form.register("description")} rows={2} />
          </FormField>
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {kpi ? "Save" : "Create KPI"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
