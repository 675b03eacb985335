// The call pages' URL filters, sort and review limits, apart from lib/validation/call.ts (zod): the call pages need them in the browser.

export const callFilterKeys = ["from", "to", "status", "direction", "campaignId", "agentId", "customerNumber", "minDuration", "maxDuration", "outcome", "reviewed", "tagId", "hasBooking"] as const;

export const callSorts = ["time_desc", "time_asc", "duration_desc", "duration_asc"] as const;
export type CallSort = (typeof callSorts)[number];

/** The filters as URL search parameters (and back), so a view can be shared and reloaded. */
export function filtersFromSearchParams(params: URLSearchParams | Record<string, string | string[] | undefined>): Record<string, string> {
  const read = (key: string) => {
    if (params instanceof URLSearchParams) return params.get(key) ?? undefined;
    const value = params[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const result: Record<string, string> = {};
  for (const key of callFilterKeys) {
    const value = read(key);
    if (value) result[key] = value;
  }
  return result;
}

export function parseSort(value: string | string[] | null | undefined): CallSort {
  return callSorts.includes(value as CallSort) ? (value as CallSort) : "time_desc";
}

/** The review notes' limit, checked in the browser as the user types and by callReviewInput on the server. */
export const reviewNotesLimit = 5000;
export const reviewNotesTooLong = "At most 5,000 characters";
