"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { KeyRound, Plus } from "lucide-react";
import { useState } from "react";
import type { ServerError } from "@/components/settings/server-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { lazyDialog } from "@/components/ui/lazy";

type ApiKeyRow = { id: bigint; name: string; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null; creator: { name: string; email: string } | null };

const CreateKeyDialog = lazyDialog(() => import("./create-key-dialog").then((module) => module.CreateKeyDialog));

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
