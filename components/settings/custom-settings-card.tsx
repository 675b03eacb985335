"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { Pencil, Plus, SlidersHorizontal, Trash2 } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Textarea } from "@/components/ui/textarea";
import { formatDateTime } from "@/lib/format";
import { customSettingInput } from "@/lib/validation/setting";
import type { CustomSettingFormValues } from "@/lib/validation/setting";
import { applyServerErrors } from "./server-errors";
import { useSettingMutations } from "./use-setting-mutations";

type CustomSetting = { key: string; value: string | null; updatedAt: Date };

function CustomSettingDialog({ editing, open, onOpenChange }: { editing: CustomSetting | null; open: boolean; onOpenChange: (open: boolean) => void }) {
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

export function CustomSettingsCard({ settings, timezone }: { settings: CustomSetting[]; timezone: string }) {
  const [dialog, setDialog] = useState<{ open: boolean; editing: CustomSetting | null }>({ open: false, editing: null });
  const [deleting, setDeleting] = useState<CustomSetting | null>(null);
  const { remove } = useSettingMutations({ onDeleted: () => setDeleting(null) });
  const addButton = (
    <Button variant="outline" size="sm" onClick={() => setDialog({ open: true, editing: null })}>
      <Plus /> Add setting
    </Button>
  );
  return (
    <Card>
      <CardHeader className="flex-row items-start justify-between gap-4">
        <div className="flex flex-col gap-1.5">
          <CardTitle>Custom settings</CardTitle>
          <CardDescription>Other keys your integrations read.</CardDescription>
        </div>
        {settings.length ? addButton : null}
      </CardHeader>
      <CardContent>
        {settings.length === 0 ? (
          <EmptyState icon={<SlidersHorizontal />} title="No custom settings" description="Add a key when an integration or the voice engine asks for one." action={addButton} />
        ) : (
          <Table aria-label="Custom settings">
            <TableHeader>
              <TableRow>
                <TableHead>Key</TableHead>
                <TableHead>Value</TableHead>
                <TableHead className="hidden sm:table-cell">Updated</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {settings.map((setting) => (
                <TableRow key={setting.key}>
                  <TableCell className="font-mono text-xs">{setting.key}</TableCell>
                  <TableCell className="max-w-[16rem] truncate" title={setting.value ?? ""}>
                    {setting.value || <span className="text-muted-foreground">empty</span>}
                  </TableCell>
                  <TableCell className="hidden whitespace-nowrap sm:table-cell">{formatDateTime(setting.updatedAt, timezone)}</TableCell>
                  <TableCell className="text-right whitespace-nowrap">
                    <Button variant="ghost" size="icon" aria-label={`Edit ${setting.key}`} onClick={() => setDialog({ open: true, editing: setting })}>
                      <Pencil />
                    </Button>
                    <Button variant="ghost" size="icon" aria-label={`Remove ${setting.key}`} onClick={() => setDeleting(setting)}>
                      <Trash2 />
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      <CustomSettingDialog open={dialog.open} editing={dialog.editing} onOpenChange={(open) => setDialog((current) => ({ ...current, open }))} />
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Remove ${deleting?.key ?? "this setting"}?`}
        description="Integrations that read this key will no longer find it."
        confirmLabel="Remove"
        destructive
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ key: deleting.key })}
      />
    </Card>
  );
}
