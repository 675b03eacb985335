import { serviceRecordStatuses } from "@/lib/value-sets";

type Params = Record<string, string | string[] | undefined>;

const text = (value: unknown, max: number) => (typeof value === "string" && value.trim() ? value.trim().slice(0, max) : undefined);
const isoDate = (value: unknown) => (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined);

/** The list filters from the URL, built the same way for the list, its prefetch and the export link. */
export function serviceRecordListParams(params: Params) {
  const status = serviceRecordStatuses.find((value) => value === params.status);
  const rating = typeof params.rating === "string" && /^[1-5]$/.test(params.rating) ? Number(params.rating) : undefined;
  return {
    status,
    serviceType: text(params.serviceType, 50),
    campaignId: typeof params.campaignId === "string" && /^\d+$/.test(params.campaignId) ? params.campaignId : undefined,
    appointmentFrom: isoDate(params.from),
    appointmentTo: isoDate(params.to),
    rating,
    doNotCall: params.dnc === "yes" ? ("yes" as const) : params.dnc === "no" ? ("no" as const) : undefined,
    search: text(params.q, 100),
  };
}

export function exportHref(filters: ReturnType<typeof serviceRecordListParams>): string {
  const query = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value !== undefined) query.set(key, String(value));
  const text = query.toString();
  return `/api/exports/service-records${text ? `?${text}` : ""}`;
}
