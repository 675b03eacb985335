"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Bot, Pencil, Plus } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/settings/server-errors";
import type { ServerError } from "@/components/settings/server-errors";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Switch } from "@/components/ui/switch";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { formatNumber } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { agentInput, agentLanguages } from "@/lib/validation/agent";
import type { AgentFormValues, AgentValues } from "@/lib/validation/agent";

type AgentRow = { id: bigint; name: string; description: string | null; voice: string | null; language: string; isActive: boolean; callCount: number };

function toFormValues(agent: AgentRow | null): AgentFormValues {
  return { name: agent?.name ?? "", description: agent?.description ?? "", voice: agent?.voice ?? "", language: agent?.language ?? "en-US" };
}

function AgentDialog({ open, agent, onOpenChange }: { open: boolean; agent: AgentRow | null; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<AgentFormValues, unknown, AgentValues>({ resolver: zodResolver(agentInput), values: toFormValues(agent) });
  const callbacks = {
    onSuccess: async (saved: { name: string }) => {
      await queryClient.invalidateQueries({ queryKey: trpc.agent.list.queryKey() });
      onOpenChange(false);
      toast.success(agent ? `Saved ${saved.name}` : `Added ${saved.name}`);
    },
    onError: (error: ServerError) => {
      applyServerErrors(error, form.setError, "Another agent already has this name.");
      toast.error("The agent was not saved", { description: error.message });
    },
  };
  const create = useMutation(trpc.agent.create.mutationOptions(callbacks));
  const update = useMutation(trpc.agent.update.mutationOptions(callbacks));
  const pending = create.isPending || update.isPending;
  const { errors } = form.formState;
  // The router parses the raw values with the same schema.
  const submit = form.handleSubmit(() => (agent ? update.mutate({ ...form.getValues(), id: agent.id }) : create.mutate(form.getValues())));
  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent>
        <form noValidate className="grid gap-4" onSubmit={submit}>
          <DialogHeader>
            <DialogTitle>{agent ? `Edit ${agent.name}` : "Add a voice agent"}</DialogTitle>
            <DialogDescription>How the agent introduces itself and sounds on the phone.</DialogDescription>
          </DialogHeader>
          <FormField label="Name" htmlFor="agentName" error={errors.name?.message} required>
            <Input {...fieldA11y("agentName", errors.name?.message)} {...form.register("name")} maxLength={100} autoComplete="off" required />
          </FormField>
          <FormField label="Description" htmlFor="agentDescription" error={errors.description?.message}>
            <Textarea {...fieldA11y("agentDescription", errors.description?.message)} {...form.register("description")} rows={3} />
          </FormField>
          <div className="grid gap-4 sm:grid-cols-2">
            <FormField label="Voice" htmlFor="agentVoice" error={errors.voice?.message} description="The voice engine's voice name.">
              <Input {...fieldA11y("agentVoice", errors.voice?.message, { description: true })} {...form.register("voice")} placeholder="e.g. alloy" maxLength={50} />
            </FormField>
            <FormField label="Language" htmlFor="agentLanguage" error={errors.language?.message} description="A language tag, e.g. en-US." required>
              <Input {...fieldA11y("agentLanguage", errors.language?.message, { description: true })} {...form.register("language")} list="agent-languages" maxLength={20} required />
            </FormField>
            <datalist id="agent-languages">
              {agentLanguages.map((language) => (
                <option key={language} value={language} />
              ))}
            </datalist>
          </div>
          <DialogFooter>
            <Button variant="outline" disabled={pending} onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={pending}>
              {agent ? "Save" : "Add agent"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

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
