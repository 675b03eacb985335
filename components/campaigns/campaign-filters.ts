import { campaignSorts, campaignStatuses } from "@/lib/value-sets";

type Params = Record<string, string | string[] | undefined>;

const pick = <T extends string>(values: readonly T[], value: unknown): T | undefined => (values.includes(value as T) ? (value as T) : undefined);

/** The list input from the URL, built the same way on the server (prefetch) and in the browser. */
export function campaignListParams(params: Params) {
  const search = typeof params.q === "string" && params.q.trim() ? params.q.trim().slice(0, 150) : undefined;
  return {
    status: pick(campaignStatuses, params.status),
    search,
    sort: pick(campaignSorts, params.sort) ?? "updated",
    direction: params.direction === "asc" ? ("asc" as const) : ("desc" as const),
  };
}
