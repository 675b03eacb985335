import "server-only";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import type { TRPCQueryOptions } from "@trpc/tanstack-react-query";
import { cache } from "react";
import type { ReactNode } from "react";
import { createRenderContext } from "@/server/api/context";
import { appRouter } from "@/server/api/root";
import { makeQueryClient } from "./query-client";

export const getQueryClient = cache(makeQueryClient);

/** Server components prefetch through this proxy; client components then read the cache. */
export const trpc = createTRPCOptionsProxy({ ctx: createRenderContext, router: appRouter, queryClient: getQueryClient });

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the options of any procedure
export function prefetch<T extends ReturnType<TRPCQueryOptions<any>>>(queryOptions: T) {
  void getQueryClient().prefetchQuery(queryOptions);
}

/**
 * Prefetches and waits, for data a client component reads with `useQuery` rather than `useSuspenseQuery`:
 * the server must render it, or the browser's cache (filled by the streamed prefetch) is ahead of the
 * server's HTML at hydration and React throws the page's server render away (error #418).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the options of any procedure
export async function prefetchBeforeRender(...queryOptions: ReturnType<TRPCQueryOptions<any>>[]) {
  await Promise.all(queryOptions.map((options) => getQueryClient().prefetchQuery(options)));
}
