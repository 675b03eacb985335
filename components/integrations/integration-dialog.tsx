"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Controller, useForm, useWatch } from "react-hook-form";
import type { ServerError } from "@/components/settings/server-errors";
import { handleEditConflict } from "@/components/ui/edit-conflict";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { useTRPC } from "@/lib/trpc/react";
import { dmsFieldLabels } from "@/lib/validation/dms-integration";
import { dmsTypes } from "@/lib/value-sets";
import { integrationResolver, toFormValues, toIntegrationInput } from "./integration-form";
import type { IntegrationFormValues, IntegrationRow } from "./integration-form";

export function IntegrationDialog({ open, integration, onOpenChange }: { open: boolean; integration: IntegrationRow | null; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<IntegrationFormValues>({ resolver: integrationResolver(!!integration), values: toFormValues(integration) });
  const callbacks = {
    onSuccess: async (saved: { name: string }) => {
      await queryClient.invalidateQueries({ queryKey: trpc.dmsIntegration.list.queryKey() });
      onOpenChange(false);
      toast.success(integration ? `Saved ${saved.name}` : `Added ${saved.name}`);
    },
    onError: (error: ServerError) => {
      if (handleEditConflict(error, () => void queryClient.invalidateQueries({ queryKey: trpc.dmsIntegration.list.queryKey() }))) return;
      const fieldErrors = error.data?.zodError?.fieldErrors ?? {};
      if (fieldErrors.name?.[0]) form.setError("name", { message: fieldErrors.name[0] });
      if (fieldErrors.config?.[0]) form.setError("root", { message: fieldErrors.config[0] });
      toast.error("The integration was not saved", { description: error.message });
    },
  };
  const create = useMutation(trpc.dmsIntegration.create.mutationOptions(callbacks));
  const update = useMutation(trpc.dmsIntegration.update.mutationOptions(callbacks));
  const pending = create.isPending || update.isPending;
  const { errors } = form.formState;
  const type = useWatch({ control: form.control, name: "type" });
  const labels = type === "Other" ? null : dmsFieldLabels[type];
  const storedSecret = integration && integration.type === type && typeof integration.config.secret === "string" ? integration.config.secret : null;

  const submit = form.handleSubmit((values) => {
    const input = toIntegrationInput(values) as Parameters<typeof create.mutate>[0];
    if (integration) update.mutate({ ...input, id: integration.id, expectedUpdatedAt: integration.updatedAt });
    else create.mutate(input);
  });

  const field = (name: keyof IntegrationFormValues["fields"], label: string, extra: { type?: string; description?: string; placeholder?: string; required?: boolean } = {}) => {
    const id = `dms-${name}`;
    const error = errors.fields?.[name]?.message;
    return (
      <FormField label={label} htmlFor={id} error={error} description={extra.description} required={extra.required ?? true}>
        <Input {...fieldA11y(id, error, { description: !!extra.description })} {...form.register(`fields.${name}`)} type={extra.type ?? "text"} placeholder={extra.placeholder} autoComplete="off" />
      </FormField>
    );
  };

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent className="max-w-xl">
        <form noValidate className="grid gap-4" onSubmit={submit}>
          <DialogHeader>
            <DialogTitle>{integration ? `Edit ${integration.name}` : "Add a DMS integration"}</DialogTitle>
            <DialogDescription>Connects AutoPulse to your dealer management system to sync service records. Secrets are stored encrypted and never shown again.</DialogDescription>
          </DialogHeader>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="Name" htmlFor="dms-name" error={errors.name?.message} required>
              <Input {...fieldA11y("dms-name", errors.name?.message)} {...form.register("name")} placeholder="e.g. CDK – Honda store" autoComplete="off" />
            </FormField>
            <FormField label="DMS" htmlFor="dms-type" error={errors.type?.message} required>
              <Controller
                control={form.control}
                name="type"
                render={({ field: typeField }) => (
                  <Select value={typeField.value} onValueChange={typeField.onChange}>
                    <SelectTrigger id="dms-type" aria-label="DMS">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      {dmsTypes.map((dms) => (
                        <SelectItem key={dms} value={dms}>
                          {dms}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                )}
              />
            </FormField>
          </div>
          {labels ? (
            <div className="grid gap-4 sm:grid-cols-2">
              {field("dealerId", labels.dealerId)}
              {labels.clientId ? field("clientId", labels.clientId) : null}
              <div className="sm:col-span-2">{field("endpointUrl", "Endpoint URL", { type: "url", placeholder: "https://" })}</div>
              {field("secret", labels.secret, {
                type: "password",
                required: !storedSecret,
                placeholder: storedSecret ? `Saved (${storedSecret}); leave empty to keep` : undefined,
                description: storedSecret ? `Stored: ${storedSecret}. Type a new one only to replace it.` : "Stored encrypted; shown only as its last 4 characters.",
              })}
              {field("syncIntervalMinutes", "Sync every (minutes)", { type: "number", description: "5 to 1,440 minutes." })}
            </div>
          ) : (
            <FormField label="Configuration (JSON)" htmlFor="dms-json" error={errors.json?.message} description="A JSON object. Keys such as apiKey, password or token are stored encrypted and shown masked; leave a masked value as it is to keep it.">
              <Textarea {...fieldA11y("dms-json", errors.json?.message, { description: true })} {...form.register("json")} rows={8} className="font-mono text-xs" spellCheck={false} />
            </FormField>
          )}
          {errors.root?.message ? (
            <p role="alert" className="text-sm font-medium text-destructive">
              {errors.root.message}
            </p>
          ) : null}
          <DialogFooter>
            <Button variant="outline" disabled={pending} onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {integration ? "Save" : "Add integration"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
