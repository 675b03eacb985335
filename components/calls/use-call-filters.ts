"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { filtersFromSearchParams, parseSort } from "@/lib/call-filters";
import type { CallSort } from "@/lib/call-filters";

/** The call log's filters and sort, kept in the URL so a view can be shared and reloaded. */
export function useCallFilters() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const filters = useMemo(() => filtersFromSearchParams(new URLSearchParams(searchParams.toString())), [searchParams]);
  const sort: CallSort = parseSort(searchParams.get("sort"));

  const update = useCallback(
    (changes: Record<string, string | null>) => {
      const next = new URLSearchParams(searchParams.toString());
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [pathname, router, searchParams],
  );

  return { filters, sort, searchParams, update };
}

/** The query string that carries a list's filters and order to a call page (for j/k). */
export function listContextQuery(filters: Record<string, string>, sort: CallSort, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams({ ...filters, ...(sort === "time_desc" ? {} : { sort }), ...extra });
  const query = params.toString();
  return query ? `?${query}` : "";
}
