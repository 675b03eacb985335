"use client";

import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Bot, Pencil, Plus } from "lucide-react";
import { useState } from "react";
import type { ServerError } from "@/components/settings/server-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { formatNumber } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { lazyDialog } from "@/components/ui/lazy";

const AgentDialog = lazyDialog(() => import("./agent-dialog").then((module) => module.AgentDialog));

export type AgentRow = { id: bigint; name: string; description: string | null; voice: string | null; language: string; isActive: boolean; callCount: number };

function ActiveSwitch({ agent }: { agent: AgentRow }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const setActive = useMutation(
    trpc.agent.setActive.mutationOptions({
      onSuccess: async (saved) => {
        await queryClient.invalidateQueries({ queryKey: trpc.agent.list.queryKey() });
        toast.success(`${saved.name} is ${saved.isActive ? "active" : "paused"}`);
      },
      onError: (error: ServerError) => toast.error("Not changed", { description: error.message }),
    }),
  );
  return <Switch checked={agent.isActive} disabled={setActive.isPending} aria-label={`${agent.name} active`} onCheckedChange={(isActive) => setActive.mutate({ id: agent.id, isActive })} />;
}

export function AgentsManager({ canEdit }: { canEdit: boolean }) {
  const trpc = useTRPC();
  const { data: agents } = useSuspenseQuery(trpc.agent.list.queryOptions());
  const [dialog, setDialog] = useState<{ open: boolean; agent: AgentRow | null }>({ open: false, agent: null });
  const addButton = canEdit ? (
    <Button onClick={() => setDialog({ open: true, agent: null })}>
      <Plus /> Add agent
    </Button>
  ) : null;
  return (
    <div className="flex flex-col gap-4">
      {agents.length ? <div className="flex justify-end">{addButton}</div> : null}
      {agents.length === 0 ? (
        <EmptyState
          icon={<Bot />}
          title="No voice agents yet"
          description={canEdit ? "Add the agent that will place your calls: its name, voice and language." : "An Admin of your organization adds the agents that place calls."}
          action={addButton}
        />
      ) : (
        <Table aria-label="Voice agents">
          <TableHeader>
            <TableRow>
              <TableHead>Agent</TableHead>
              <TableHead className="hidden md:table-cell">Voice</TableHead>
              <TableHead>Language</TableHead>
              <TableHead className="text-right">Calls</TableHead>
              <TableHead>Active</TableHead>
              {canEdit ? (
                <TableHead className="text-right">
                  <span className="sr-only">Actions</span>
                </TableHead>
              ) : null}
            </TableRow>
          </TableHeader>
          <TableBody>
            {agents.map((agent) => (
              <TableRow key={String(agent.id)}>
                <TableCell>
                  <p className="font-medium">{agent.name}</p>
                  {agent.description ? <p className="line-clamp-2 max-w-md text-xs text-muted-foreground">{agent.description}</p> : null}
                </TableCell>
                <TableCell className="hidden md:table-cell">{agent.voice ?? "—"}</TableCell>
                <TableCell>{agent.language}</TableCell>
                <TableCell className="text-right tabular-nums">{formatNumber(agent.callCount)}</TableCell>
                <TableCell>{canEdit ? <ActiveSwitch agent={agent} /> : <Badge variant={agent.isActive ? "success" : "neutral"}>{agent.isActive ? "Active" : "Paused"}</Badge>}</TableCell>
                {canEdit ? (
                  <TableCell className="text-right">
                    <Button variant="ghost" size="icon" aria-label={`Edit ${agent.name}`} onClick={() => setDialog({ open: true, agent })}>
                      <Pencil />
                    </Button>
                  </TableCell>
                ) : null}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canEdit ? <AgentDialog open={dialog.open} agent={dialog.agent} onOpenChange={(open) => setDialog((current) => ({ ...current, open }))} /> : null}
    </div>
  );
}
