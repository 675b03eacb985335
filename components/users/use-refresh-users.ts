"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc/react";

/** Refetches the user lists and the organization page after a change to a user. */
export function useRefreshUsers() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.user.pathKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.organization.byId.pathKey() });
  };
}
