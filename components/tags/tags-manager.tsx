"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient, useSuspenseQuery } from "@tanstack/react-query";
import { Pencil, Tag as TagIcon, Trash2 } from "lucide-react";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { applyServerErrors } from "@/components/settings/server-errors";
import type { ServerError } from "@/components/settings/server-errors";
import { handleEditConflict } from "@/components/ui/edit-conflict";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { fieldA11y, FormField } from "@/components/ui/form-field";
import { Input } from "@/components/ui/input";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toast } from "@/components/ui/toaster";
import { formatNumber } from "@/lib/format";
import { useTRPC } from "@/lib/trpc/react";
import { tagCreateInput } from "@/lib/validation/tag";
import type { TagFormValues } from "@/lib/validation/tag";

type TagRow = { id: bigint; name: string; callCount: number; creator: { name: string } | null; updatedAt?: Date };

const takenMessage = "A tag with this name already exists (names ignore upper and lower case).";

function useRefreshTags() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: trpc.tag.list.queryKey() });
}

function CreateTagForm() {
  const trpc = useTRPC();
  const refresh = useRefreshTags();
  const form = useForm<TagFormValues>({ resolver: zodResolver(tagCreateInput), defaultValues: { name: "" } });
  const create = useMutation(
    trpc.tag.create.mutationOptions({
      onSuccess: async (tag) => {
        await refresh();
        form.reset({ name: "" });
        toast.success(`Tag "${tag.name}" created`);
      },
      onError: (error: ServerError) => {
        applyServerErrors(error, form.setError, takenMessage);
        toast.error("The tag was not created", { description: error.message });
      },
    }),
  );
  const error = form.formState.errors.name?.message;
  return (
    <form noValidate aria-label="Create a tag" className="flex flex-col gap-2 sm:flex-row sm:items-start" onSubmit={form.handleSubmit((values) => create.mutate(values))}>
      <FormField label="New tag" htmlFor="newTag" error={error} className="flex-1">
        <Input {...fieldA11y("newTag", error)} {...form.register("name")} placeholder="e.g. Needs callback" maxLength={50} autoComplete="off" />
      </FormField>
      <Button type="submit" loading={create.isPending} className="sm:mt-7">
        Add tag
      </Button>
    </form>
  );
}

function RenameTagDialog({ tag, onOpenChange }: { tag: TagRow | null; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const refresh = useRefreshTags();
  const form = useForm<TagFormValues>({ resolver: zodResolver(tagCreateInput), values: { name: tag?.name ?? "" } });
  const rename = useMutation(
    trpc.tag.rename.mutationOptions({
      onSuccess: async (renamed) => {
        await refresh();
        onOpenChange(false);
        toast.success(`Renamed to "${renamed.name}"`);
      },
      onError: (error: ServerError) => {
        if (handleEditConflict(error, () => void refresh().then(() => onOpenChange(false)))) return;
        applyServerErrors(error, form.setError, takenMessage);
        toast.error("The tag was not renamed", { description: error.message });
      },
    }),
  );
  const error = form.formState.errors.name?.message;
  return (
    <Dialog open={!!tag} onOpenChange={(open) => !rename.isPending && onOpenChange(open)}>
      <DialogContent>
        <form noValidate className="grid gap-4" onSubmit={form.handleSubmit((values) => tag && rename.mutate({ id: tag.id, name: values.name, expectedUpdatedAt: tag.updatedAt }))}>
          <DialogHeader>
            <DialogTitle>Rename tag</DialogTitle>
            <DialogDescription>Calls that carry this tag keep it under its new name.</DialogDescription>
          </DialogHeader>
          <FormField label="Name" htmlFor="renameTag" error={error} required>
            <Input {...fieldA11y("renameTag", error)} {...form.register("name")} maxLength={50} autoComplete="off" required />
          </FormField>
          <DialogFooter>
            <Button variant="outline" disabled={rename.isPending} onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" loading={rename.isPending}>
              Rename
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export function TagsManager() {
  const trpc = useTRPC();
  const refresh = useRefreshTags();
  const { data: tags } = useSuspenseQuery(trpc.tag.list.queryOptions());
  const [renaming, setRenaming] = useState<TagRow | null>(null);
  const [deleting, setDeleting] = useState<TagRow | null>(null);
  const remove = useMutation(
    trpc.tag.delete.mutationOptions({
      onSuccess: async (deleted) => {
        await refresh();
        setDeleting(null);
        toast.success(`Tag "${deleted.name}" deleted`);
      },
      onError: (error: ServerError) => toast.error("The tag was not deleted", { description: error.message }),
    }),
  );
  return (
    <Card>
      <CardHeader>
        <CardTitle>Tags</CardTitle>
        <CardDescription>Label calls during review, e.g. &ldquo;Needs callback&rdquo;. Names are unique regardless of case, up to 50 characters.</CardDescription>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        <CreateTagForm />
        {tags.length === 0 ? (
          <EmptyState icon={<TagIcon />} title="No tags yet" description="Add your first tag above; reviewers can then put it on calls." />
        ) : (
          <Table aria-label="Tags">
            <TableHeader>
              <TableRow>
                <TableHead>Name</TableHead>
                <TableHead className="text-right">Calls</TableHead>
                <TableHead className="hidden sm:table-cell">Created by</TableHead>
                <TableHead className="text-right">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {tags.map((tag) => (
                <TableRow key={String(tag.id)}>
                  <TableCell>
                    <Badge variant="outline">{tag.name}</Badge>
                  </TableCell>
                  <TableCell className="text-right tabular-nums">{formatNumber(tag.callCount)}</TableCell>
                  <TableCell className="hidden text-muted-foreground sm:table-cell">{tag.creator?.name ?? "—"}</TableCell>
                  <TableCell className="text-right whitespace-nowrap">
                    <Button variant="ghost" size="icon" aria-label={`Rename ${tag.name}`} onClick={() => setRenaming(tag)}>
                      <Pencil />
                    </Button>
                    <Button variant="ghost" size="icon" aria-label={`Delete ${tag.name}`} onClick={() => setDeleting(tag)}>
                      <Trash2 />
                    </Button>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      <RenameTagDialog tag={renaming} onOpenChange={(open) => !open && setRenaming(null)} />
      <ConfirmDialog
        open={!!deleting}
        onOpenChange={(open) => !open && setDeleting(null)}
        title={`Delete the tag "${deleting?.name ?? ""}"?`}
        description={deleting?.callCount ? `It is taken off the ${formatNumber(deleting.callCount)} call${deleting.callCount === 1 ? "" : "s"} that carry it. The calls stay.` : "No call carries it."}
        confirmLabel="Delete tag"
        destructive
        loading={remove.isPending}
        onConfirm={() => deleting && remove.mutate({ id: deleting.id })}
      />
    </Card>
  );
}
