"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Check, Copy, KeyRound, Plus } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/settings/server-errors";
import type { ServerError } from "@/components/settings/server-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { apiKeyCreateInput } from "@/lib/validation/api-key";
import type { ApiKeyFormValues } from "@/lib/validation/api-key";

type ApiKeyRow = { id: bigint; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; creator: { name: string; email: string } | null };

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
      toast.success("Key copied");
    } catch {
      toast.error("Could not copy", { description: "Select the key and copy it yourself." });
    }
  };
  return (
    <Button variant="outline" onClick={copy}>
      {copied ? <Check /> : <Copy />} {copied ? "Copied" : "Copy key"}
    </Button>
  );
}

function CreateKeyDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [created, setCreated] = useState<{ name: string; key: string } | null>(null);
  const form = useForm<ApiKeyFormValues>({ resolver: zodResolver(apiKeyCreateInput), defaultValues: { name: "" } });
  const create = useMutation(
    trpc.apiKey.create.mutationOptions({
      onSuccess: async ({ apiKey, key }) => {
        setCreated({ name: apiKey.name, key });
        await queryClient.invalidateQueries({ queryKey: trpc.apiKey.list.queryKey() });
      },
      onError: (error: ServerError) => {
        applyServerErrors(error, form.setError);
        toast.error("The key was not created", { description: error.message });
      },
    }),
  );
  const close = () => {
    onOpenChange(false);
    // Forget the key once the dialog is closed: it is shown once.
    setCreated(null);
    form.reset({ name: "" });
  };
  const error = form.formState.errors.name?.message;
  return (
    <Dialog open={open} onOpenChange={(next) => (next ? onOpenChange(true) : !create.isPending && close())}>
      <DialogContent>
        {created ? (
          <div className="grid gap-4">
            <DialogHeader>
              <DialogTitle>Copy your new key now</DialogTitle>
              <DialogDescription>This is the only time the full key for &ldquo;{created.name}&rdquo; is shown. Store it where the voice engine reads its configuration.</DialogDescription>
            </DialogHeader>
            <Input readOnly value={created.key} aria-label="New API key" className="font-mono text-xs" onFocus={(event) => event.currentTarget.select()} />
            <DialogFooter>
              <CopyButton text={created.key} />
              <Button onClick={close}>Done</Button>
            </DialogFooter>
          </div>
        ) : (
          <form noValidate className="grid gap-4" onSubmit={form.handleSubmit((values) => create.mutate(values))}>
            <DialogHeader>
              <DialogTitle>Create an API key</DialogTitle>
              <DialogDescription>Keys let the voice engine fetch the dial queue and send call results for this organization.</DialogDescription>
            </DialogHeader>
            <FormField label="Name" htmlFor="apiKeyName" error={error} description="Where the key is used, e.g. “Voice engine – production”." required>
              <Input {...fieldA11y("apiKeyName", error, { description: true })} {...form.register("name")} maxLength={100} autoComplete="off" required />
            </FormField>
            <DialogFooter>
              <Button variant="outline" disabled={create.isPending} onClick={close}>
                Cancel
              </Button>
              <Button type="submit" loading={create.isPending}>
                Create key
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}

export function ApiKeysManager() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const { data: keys } = useSuspenseQuery(trpc.apiKey.list.queryOptions());
  const { data: organization } = useSuspenseQuery(trpc.organization.current.queryOptions());
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKeyRow | null>(null);
  const revoke = useMutation(
    trpc.apiKey.revoke.mutationOptions({
      onSuccess: async (revoked) => {
        await queryClient.invalidateQueries({ queryKey: trpc.apiKey.list.queryKey() });
        setRevoking(null);
        toast.success(`Revoked ${revoked.name}`);
      },
      onError: (error: ServerError) => toast.error("The key was not revoked", { description: error.message }),
    }),
  );
  const when = (value: Date | null) => formatDateTime(value, organization.timezone);
  const createButton = (
    <Button onClick={() => setCreating(true)}>
      <Plus /> Create key
    </Button>
  );
  return (
    <div className="flex flex-col gap-4">
      {keys.length ? <div className="flex justify-end">{createButton}</div> : null}
      {keys.length === 0 ? (
        <EmptyState icon={<KeyRound />} title="No API keys yet" description="Create a key for the voice engine so it can fetch calls to place and report their results." action={createButton} />
      ) : (
        <Table aria-label="API keys">
          <TableHeader>
            <TableRow>
              <TableHead>Name</TableHead>
              <TableHead>Key</TableHead>
              <TableHead className="hidden lg:table-cell">Created by</TableHead>
              <TableHead className="hidden md:table-cell">Created</TableHead>
              <TableHead className="hidden sm:table-cell">Last used</TableHead>
              <TableHead>Status</TableHead>
              <TableHead className="text-right">
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {keys.map((key) => (
              <TableRow key={String(key.id)} className={key.revokedAt ? "text-muted-foreground" : undefined}>
                <TableCell className="font-medium">{key.name}</TableCell>
                <TableCell className="font-mono text-xs whitespace-nowrap">{key.prefix}…</TableCell>
                <TableCell className="hidden lg:table-cell">{key.creator?.name ?? "—"}</TableCell>
                <TableCell className="hidden whitespace-nowrap md:table-cell">{when(key.createdAt)}</TableCell>
                <TableCell className="hidden whitespace-nowrap sm:table-cell">{key.lastUsedAt ? when(key.lastUsedAt) : "Never"}</TableCell>
                <TableCell>
                  {key.revokedAt ? (
                    <Badge variant="neutral" title={`Revoked ${when(key.revokedAt)}`}>
                      Revoked
                    </Badge>
                  ) : (
                    <Badge variant="success">Active</Badge>
                  )}
                </TableCell>
                <TableCell className="text-right">
                  {key.revokedAt ? null : (
                    <Button variant="outline" size="sm" aria-label={`Revoke ${key.name}`} onClick={() => setRevoking(key)}>
                      Revoke
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <CreateKeyDialog open={creating} onOpenChange={setCreating} />
      <ConfirmDialog
        open={!!revoking}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={`Revoke "${revoking?.name ?? ""}"?`}
        description={`Requests with the key ${revoking?.prefix ?? ""}… stop working at once. This cannot be undone.`}
        confirmLabel="Revoke key"
        destructive
        loading={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate({ id: revoking.id })}
      />
    </div>
  );
}
