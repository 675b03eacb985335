"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Check, Copy } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/settings/server-errors";
import type { ServerError } from "@/components/settings/server-errors";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { toast } from "@/components/ui/toaster";
import { useTRPC } from "@/lib/trpc/react";
import { apiKeyCreateInput } from "@/lib/validation/api-key";
import type { ApiKeyFormValues } from "@/lib/validation/api-key";

// The create dialog of ./api-keys-manager.tsx (it shows the new key once), loaded when it first opens.

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

export function CreateKeyDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
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
