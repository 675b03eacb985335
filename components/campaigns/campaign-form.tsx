"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { Controller, useForm } from "react-hook-form";
import type { FieldPath } from "react-hook-form";
import { handleEditConflict } from "@/components/ui/edit-conflict";
import { Button } from "@/components/ui/button";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { LazySelect } from "@/components/ui/lazy-select";
import { Textarea } from "@/components/ui/textarea";
import { toast } from "@/components/ui/toaster";
import { useTRPC } from "@/lib/trpc/react";
import { campaignInput, campaignTypeLabels } from "@/lib/validation/campaign";
import type { CampaignFormValues, CampaignInput } from "@/lib/validation/campaign";
import { campaignTypes } from "@/lib/value-sets";

type ServerError = { message: string; data?: { zodError?: { fieldErrors?: Record<string, string[] | undefined> } | null; conflictFields?: string[] | null } | null };

/** Create (no campaign) or edit a campaign's name, type and description. */
const typeOptions = campaignTypes.map((type) => ({ value: type, label: campaignTypeLabels[type] }));

export function CampaignForm({ campaign, onSaved }: { campaign?: { id: bigint; name: string; description: string | null; type: string; updatedAt?: Date }; onSaved?: () => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<CampaignFormValues, unknown, CampaignInput>({
    resolver: zodResolver(campaignInput),
    defaultValues: { name: campaign?.name ?? "", description: campaign?.description ?? "", type: (campaign?.type as CampaignInput["type"]) ?? "service_reminder" },
    mode: "onBlur",
  });
  const { errors } = form.formState;
  const onError = (error: ServerError) => {
    if (campaign && handleEditConflict(error, () => void queryClient.invalidateQueries({ queryKey: trpc.campaign.pathKey() }).then(() => onSaved?.()))) return;
    for (const [field, messages] of Object.entries(error.data?.zodError?.fieldErrors ?? {})) {
      if (messages?.[0]) form.setError(field as FieldPath<CampaignFormValues>, { message: messages[0] });
    }
    if (error.data?.conflictFields?.includes("name")) form.setError("name", { message: "Another campaign already has this name." });
    toast.error("The campaign was not saved", { description: error.message });
  };
  const create = useMutation(
    trpc.campaign.create.mutationOptions({
      onSuccess: (created) => {
        toast.success("Campaign created", { description: "Now set its calling schedule." });
        void queryClient.invalidateQueries({ queryKey: trpc.campaign.list.queryKey() });
        router.push(`/campaigns/${created.id}`);
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.campaign.update.mutationOptions({
      onSuccess: (saved) => {
        toast.success("Campaign saved");
        form.reset({ name: saved.name, description: saved.description ?? "", type: saved.type as CampaignInput["type"] });
        void queryClient.invalidateQueries({ queryKey: trpc.campaign.pathKey() });
        onSaved?.();
      },
      onError,
    }),
  );
  const pending = create.isPending || update.isPending;
  const onSubmit = form.handleSubmit(() => {
    const values = form.getValues();
    if (campaign) update.mutate({ ...values, id: campaign.id, expectedUpdatedAt: campaign.updatedAt });
    else create.mutate(values);
  });

  return (
    <form onSubmit={onSubmit} noValidate aria-label={campaign ? "Edit campaign" : "New campaign"} className="flex flex-col gap-4">
      <FormField label="Name" htmlFor="name" error={errors.name?.message} required>
        <Input {...fieldA11y("name", errors.name?.message)} {...form.register("name")} maxLength={150} required />
      </FormField>
      <FormField label="Type" htmlFor="type" error={errors.type?.message} required>
        <Controller
          control={form.control}
          name="type"
          render={({ field }) => (
            <LazySelect {...fieldA11y("type", errors.type?.message)} value={field.value} onValueChange={field.onChange} options={typeOptions} />
          )}
        />
      </FormField>
      <FormField label="Description" htmlFor="description" error={errors.description?.message}>
        <Textarea {...fieldA11y("description", errors.description?.message)} {...form.register("description")} rows={3} placeholder="What the agent calls about" />
      </FormField>
      <div className="flex justify-end gap-2">
        <Button type="submit" loading={pending}>
          {campaign ? "Save campaign" : "Create campaign"}
        </Button>
      </div>
    </form>
  );
}
