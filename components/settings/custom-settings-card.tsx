"use client";

import { Pencil, Plus, SlidersHorizontal, Trash2 } from "lucide-react";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatDateTime } from "@/lib/format";
import { useSettingMutations } from "./use-setting-mutations";
import { lazyDialog } from "@/components/ui/lazy";

const CustomSettingDialog = lazyDialog(() => import("./custom-setting-dialog").then((module) => module.CustomSettingDialog));

export type CustomSetting = { key: string; value: string | null; updatedAt: Date };

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
