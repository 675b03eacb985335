"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/settings/server-errors";
import type { ServerError } from "@/components/settings/server-errors";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { useTRPC } from "@/lib/trpc/react";
import { agentInput, agentLanguages } from "@/lib/validation/agent";
import type { AgentFormValues, AgentValues } from "@/lib/validation/agent";
import type { AgentRow } from "./agents-manager";

// The create/edit dialog of ./agents-manager.tsx, loaded when it first opens.

function toFormValues(agent: AgentRow | null): AgentFormValues {
  return { name: agent?.name ?? "", description: agent?.description ?? "", voice: agent?.voice ?? "", language: agent?.language ?? "en-US" };
}

export function AgentDialog({ open, agent, onOpenChange }: { open: boolean; agent: AgentRow | null; onOpenChange: (open: boolean) => void }) {
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
