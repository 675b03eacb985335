"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Textarea } from "@/components/ui/textarea";
import { customSettingInput } from "@/lib/validation/setting";
import type { CustomSettingFormValues } from "@/lib/validation/setting";
import { applyServerErrors } from "./server-errors";
import { useSettingMutations } from "./use-setting-mutations";
import type { CustomSetting } from "./custom-settings-card";

// The add/edit dialog of ./custom-settings-card.tsx, loaded when it first opens.

export function CustomSettingDialog({ editing, open, onOpenChange }: { editing: CustomSetting | null; open: boolean; onOpenChange: (open: boolean) => void }) {
  const form = useForm<CustomSettingFormValues>({ resolver: zodResolver(customSettingInput), values: { key: editing?.key ?? "", value: editing?.value ?? "" } });
  const { upsert } = useSettingMutations({ onSaveError: (error) => applyServerErrors(error, form.setError), onSaved: () => onOpenChange(false) });
  const { errors } = form.formState;
  return (
    <Dialog open={open} onOpenChange={(next) => !upsert.isPending && onOpenChange(next)}>
      <DialogContent>
        <form noValidate className="grid gap-4" onSubmit={form.handleSubmit((values) => upsert.mutate(values))}>
          <DialogHeader>
            <DialogTitle>{editing ? `Edit ${editing.key}` : "Add a custom setting"}</DialogTitle>
            <DialogDescription>Custom keys are read by integrations and the voice engine. Letters, digits, dots, dashes and underscores.</DialogDescription>
          </DialogHeader>
          <FormField label="Key" htmlFor="customKey" error={errors.key?.message} required>
            <Input {...fieldA11y("customKey", errors.key?.message)} {...form.register("key")} readOnly={!!editing} placeholder="e.g. crm.sync-enabled" autoComplete="off" required />
          </FormField>
          <FormField label="Value" htmlFor="customValue" error={errors.value?.message} description="Up to 10,000 characters.">
            <Textarea {...fieldA11y("customValue", errors.value?.message, { description: true })} {...form.register("value")} rows={5} />
          </FormField>
          <DialogFooter>
            <Button variant="outline" disabled={upsert.isPending} onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={upsert.isPending}>
              {editing ? "Save" : "Add setting"}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
