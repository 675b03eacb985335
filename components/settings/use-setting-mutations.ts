"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { handleEditConflict } from "@/components/ui/edit-conflict";
import { toast } from "@/components/ui/toaster";
import { useTRPC } from "@/lib/trpc/react";
import type { ServerError } from "./server-errors";

/** Saving and removing settings, with the list (and the organization's time zone) refreshed after. */
export function useSettingMutations(options: { onSaveError?: (error: ServerError) => void; onSaved?: () => void; onDeleted?: () => void } = {}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = async () => {
    await Promise.all([
      queryClient.invalidateQueries({ queryKey: trpc.setting.list.queryKey() }),
      queryClient.invalidateQueries({ queryKey: trpc.organization.current.queryKey() }),
    ]);
  };
  const upsert = useMutation(
    trpc.setting.upsert.mutationOptions({
      onSuccess: async (saved) => {
        await refresh();
        toast.success(`Saved ${saved.key}`);
        options.onSaved?.();
      },
      onError: (error: ServerError) => {
        // The list reloads with their value; the cards are keyed by value, so they show it.
        if (handleEditConflict(error, () => void refresh())) return;
        options.onSaveError?.(error);
        toast.error("The setting was not saved", { description: error.message });
      },
    }),
  );
  const remove = useMutation(
    trpc.setting.delete.mutationOptions({
      onSuccess: async (deleted) => {
        await refresh();
        toast.success(`Removed ${deleted.key}`);
        options.onDeleted?.();
      },
      onError: (error: ServerError) => toast.error("The setting was not removed", { description: error.message }),
    }),
  );
  // Every save goes with the version of the key that the page shows (the cached list): a save over a newer one is refused.
  const versionOf = (key: string) => queryClient.getQueryData(trpc.setting.list.queryKey())?.find((setting) => setting.key === key)?.updatedAt;
  const save = { ...upsert, mutate: (input: { key: string; value: unknown }) => upsert.mutate({ ...input, expectedUpdatedAt: versionOf(input.key) }) };
  return { upsert: save, remove };
}
