"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Pencil, Plug, Plus, Trash2 } from "lucide-react";
import { useState } from "react";
import type { ServerError } from "@/components/settings/server-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Switch } from "@/components/ui/switch";
import { toast } from "@/components/ui/toaster";
import { useTRPC } from "@/lib/trpc/react";
import { dmsFieldLabels } from "@/lib/value-sets";
import type { DmsType } from "@/lib/validation/dms-integration";
import type { IntegrationRow } from "./integration-form";
import { lazyDialog } from "@/components/ui/lazy";

const IntegrationDialog = lazyDialog(() => import("./integration-dialog").then((module) => module.IntegrationDialog));

function ConfigFacts({ integration }: { integration: IntegrationRow }) {
  const labels = integration.type in dmsFieldLabels ? dmsFieldLabels[integration.type as Exclude<DmsType, "Other">] : null;
  const config = integration.config;
  const facts: [string, string][] = labels
    ? [
        [labels.dealerId, String(config.dealerId ?? "—")],
        ...(labels.clientId ? [[labels.clientId, String(config.clientId ?? "—")] as [string, string]] : []),
        ["Endpoint", String(config.endpointUrl ?? "—")],
        [labels.secret, typeof config.secret === "string" ? config.secret : "Not set"],
        ["Sync every", config.syncIntervalMinutes ? `${String(config.syncIntervalMinutes)} min` : "—"],
      ]
    : Object.entries(config).map(([key, value]) => [key, typeof value === "string" ? value : JSON.stringify(value)]);
  if (facts.length === 0) return <p className="text-sm text-muted-foreground">No configuration.</p>;
  return (
    <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2">
      {facts.map(([label, value]) => (
        <div key={label} className="min-w-0">
          <dt className="text-xs text-muted-foreground">{label}</dt>
          <dd className="truncate font-medium" title={value}>
            {value}
          </dd>
        </div>
      ))}
    </dl>
  );
}

export function IntegrationsManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: integrations } = useSuspenseQuery(trpc.dmsIntegration.list.queryOptions());
  const [dialog, setDialog] = useState<{ open: boolean; integration: IntegrationRow | null }>({ open: false, integration: null });
  const [deleting, setDeleting] = useState<IntegrationRow | null>(null);
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.dmsIntegration.list.queryKey() });
  const setActive = useMutation(
    trpc.dmsIntegration.setActive.mutationOptions({
      onSuccess: async (saved) => {
        await refresh();
        toast.success(`${saved.name} is ${saved.isActive ? "active" : "paused"}`);
      },
      onError: (error: ServerError) => toast.error("Not changed", { description: error.message }),
    }),
  );
  const remove = useMutation(
    trpc.dmsIntegration.delete.mutationOptions({
      onSuccess: async (deleted) => {
        await refresh();
        setDeleting(null);
        toast.success(`Deleted ${deleted.name}`);
      },
      onError: (error: ServerError) => toast.error("The integration was not deleted", { description: error.message }),
    }),
  );
  const addButton = (
    <Button onClick={() => setDialog({ open: true, integration: null })}>
      <Plus /> Add integration
    </Button>
  );
  return (
    <div className="flex flex-col gap-4">
      {integrations.length ? <div className="flex justify-end">{addButton}</div> : null}
      {integrations.length === 0 ? (
        <EmptyState icon={<Plug />} title="No DMS connected" description="Connect your dealer management system so service records flow into AutoPulse." action={addButton} />
      ) : (
        <ul className="grid gap-4 lg:grid-cols-2" aria-label="DMS integrations">
          {integrations.map((integration) => (
            <li key={String(integration.id)}>
              <Card className="h-full">
                <CardHeader className="flex-row items-start justify-between gap-3">
                  <div className="flex min-w-0 flex-col gap-1.5">
                    <CardTitle as="h3" className="truncate">
                      {integration.name}
                    </CardTitle>
                    <div className="flex gap-2">
                      <Badge variant="outline">{integration.type}</Badge>
                      <Badge variant={integration.isActive ? "success" : "neutral"}>{integration.isActive ? "Active" : "Paused"}</Badge>
                    </div>
                  </div>
                  <div className="flex shrink-0 items-center gap-1">
                    <Switch
                      checked={integration.isActive}
                      disabled={setActive.isPending}
                      aria-label={`${integration.name} active`}
                      onCheckedChange={(isActive) => setActive.mutate({ id: integration.id, isActive })}
                    />
                    <Button variant="ghost" size="icon" aria-label={`Edit ${integration.name}`} onClick={() => setDialog({ open: true, integration })}>
                      <Pencil />
                    </Button>
                    <Button variant="ghost" size="icon" aria-label={`Delete ${integration.name}`} onClick={() => setDeleting(integration)}>
                      <Trash2 />
                    </Button>
                  </div>
                </CardHeader>
                <CardContent>
                  <ConfigFacts integration={integration} />
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
      <IntegrationDialog open={dialog.open} integration={dialog.integration} onOpenChange={(open) => setDialog((current) => ({ ...current, open }))} />
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Delete ${deleting?.name ?? "this integration"}?`}
        description="Syncing stops and its stored credentials are erased. Records already synced stay."
        confirmLabel="Delete integration"
        destructive
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      />
    </div>
  );
}
