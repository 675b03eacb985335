import { z } from "zod";
import { callSorts, reviewNotesLimit, reviewNotesTooLong } from "@/lib/call-filters";
import { callDirections, callOutcomes, callStatuses } from "@/lib/value-sets";
import { idSchema } from "./common";

const dayPattern = /^\d{4}-\d{2}-\d{2}$/;

/** Empty strings (a cleared URL parameter or select) mean "no filter". */
const blankToUndefined = (value: unknown) => (value === "" || value === null ? undefined : value);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankToUndefined, schema.optional());

const daySchema = z.string().regex(dayPattern, "Use the format YYYY-MM-DD");
const durationSchema = z.coerce.number().int("Whole seconds").min(0, "At least 0 seconds").max(86_400, "At most 24 hours");
const booleanFilter = z.enum(["yes", "no"]);

/** The call log's filters: shared by the list, the status counts, search and the review queue. */
export const callFilterSchema = z
  .object({
    from: optional(daySchema),
    to: optional(daySchema),
    status: optional(z.enum(callStatuses)),
    direction: optional(z.enum(callDirections)),
    campaignId: optional(idSchema),
    agentId: optional(idSchema),
    customerNumber: optional(z.string().trim().max(30, "At most 30 characters")),
    minDuration: optional(durationSchema),
    maxDuration: optional(durationSchema),
    outcome: optional(z.enum(callOutcomes)),
    reviewed: optional(booleanFilter),
    tagId: optional(idSchema),
    hasBooking: optional(booleanFilter),
  })
  .superRefine((filters, ctx) => {
    if (filters.from && filters.to && filters.from > filters.to) ctx.addIssue({ code: "custom", path: ["to"], message: "Must be on or after the start date" });
    if (filters.minDuration !== undefined && filters.maxDuration !== undefined && filters.minDuration > filters.maxDuration) {
      ctx.addIssue({ code: "custom", path: ["maxDuration"], message: "Must be at least the minimum duration" });
    }
  });
export type CallFilters = z.output<typeof callFilterSchema>;
// Server code names the sort with the schemas; the browser imports it from lib/call-filters.
export type { CallSort } from "@/lib/call-filters";

const cursorSchema = z.string().max(200).nullish();

export const callListInput = z.object({
  filters: callFilterSchema.default({}),
  sort: z.enum(callSorts).default("time_desc"),
  limit: z.number().int().min(1).max(100).default(25),
  cursor: cursorSchema,
});
export type CallListInput = z.input<typeof callListInput>;

export const callCountsInput = z.object({ filters: callFilterSchema.default({}) });

export const callByIdInput = z.object({ id: idSchema });

export const callNeighborsInput = z.object({
  id: idSchema,
  filters: callFilterSchema.default({}),
  sort: z.enum(callSorts).default("time_desc"),
});

export const callSearchInput = z.object({
  query: z.string().trim().min(2, "Type at least 2 characters").max(200, "At most 200 characters"),
  filters: callFilterSchema.default({}),
  limit: z.number().int().min(1).max(50).default(20),
  cursor: z.number().int().min(0).max(10_000).nullish(),
});
export type CallSearchInput = z.input<typeof callSearchInput>;

export const callReviewInput = z.object({
  id: idSchema,
  reviewed: z.boolean(),
  outcome: z.preprocess(blankToUndefined, z.enum(callOutcomes, { message: "Choose an outcome from the list" }).nullish()).transform((value) => value ?? null),
  notes: z
    .string()
    .trim()
    .max(reviewNotesLimit, reviewNotesTooLong)
    .transform((value) => value || null),
});
export type CallReviewInput = z.output<typeof callReviewInput>;
export type CallReviewFormValues = z.input<typeof callReviewInput>;

export const callTagsInput = z.object({
  id: idSchema,
  tagIds: z.array(idSchema).max(30, "At most 30 tags").transform((ids) => [...new Set(ids)]),
});

export const reviewQueueInput = z.object({
  limit: z.number().int().min(1).max(100).default(25),
  cursor: cursorSchema,
});

/** URL filters without the ones that do not parse, so a bad parameter narrows nothing instead of breaking the page. */
export function usableFilterParams(raw: Record<string, string>): Record<string, string> {
  const kept = { ...raw };
  for (let attempt = 0; attempt < 3; attempt++) {
    const parsed = callFilterSchema.safeParse(kept);
    if (parsed.success) return kept;
    for (const issue of parsed.error.issues) delete kept[String(issue.path[0])];
  }
  return {};
}
