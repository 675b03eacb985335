import { z } from "zod";
import { searchParamsObject } from "@/lib/search-params";
import type { PageSearchParams } from "@/lib/search-params";
import "./zod-browser";

/** The largest value of a PostgreSQL BIGINT: a larger id cannot exist, and the database would refuse to compare with it. */
export const maxDatabaseId = 9_223_372_036_854_775_807n;

/** BigInt ids arrive as strings or numbers (URLs, forms) and are checked before any query. */
export const idSchema = z.coerce
  .bigint({ message: "Must be a numeric id" })
  .positive("Must be a positive id")
  .max(maxDatabaseId, "Must be a valid id");
export const uuidSchema = z.uuid({ message: "Must be a valid id" });

/** The updated_at an edit form loaded: a save against a newer version is a CONFLICT. Optional, so API callers without it keep working. */
export const expectedUpdatedAtSchema = z.coerce.date({ message: "Must be the time the record was loaded" }).optional();

export const emailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, "Email is required")
  .max(255, "At most 255 characters")
  .pipe(z.email({ message: "Enter a valid email address" }));

export const optionalTextSchema = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max.toLocaleString("en-US")} characters`)
    .transform((value) => value || null);

export const chipListSchema = (label: string) =>
  z
    .array(z.string().trim().min(1, `${label} cannot be empty`).max(255, `${label}: at most 255 characters each`))
    .max(30, `At most 30 ${label.toLowerCase()}`)
    .transform((values) => values.filter((value, index) => values.findIndex((other) => other.toLowerCase() === value.toLowerCase()) === index));

// PostgreSQL refuses the NUL character in text and JSON, and a lone UTF-16 surrogate (a broken
// emoji) in JSON: both are refused as bad input, before any query, wherever a string comes in.
const nulCharacter = "\u0000";
const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function unsafeTextProblem(value: string): string | null {
  if (value.includes(nulCharacter)) return "Cannot contain the NUL character (\\0)";
  if (loneSurrogate.test(value)) return "Contains an invalid character (a broken emoji or symbol)";
  return null;
}

/** Issues for every string (and object key) of an input that the database cannot store; [] when it is clean. */
export function unsafeTextIssues(value: unknown, path: PropertyKey[] = [], depth = 0): z.core.$ZodIssue[] {
  if (typeof value === "string") {
    const problem = unsafeTextProblem(value);
    return problem ? [{ code: "custom", message: problem, path, input: undefined }] : [];
  }
  if (value === null || typeof value !== "object" || depth > 32 || value instanceof Date) return [];
  const entries: [PropertyKey, unknown][] = Array.isArray(value) ? value.map((item, index) => [index, item]) : Object.entries(value);
  return entries.flatMap(([key, item]) => {
    const keyProblem = typeof key === "string" ? unsafeTextProblem(key) : null;
    const keyIssues: z.core.$ZodIssue[] = keyProblem ? [{ code: "custom", message: keyProblem, path: [...path, key], input: undefined }] : [];
    return [...keyIssues, ...unsafeTextIssues(item, [...path, key], depth + 1)];
  });
}


/** A calendar day, YYYY-MM-DD, that exists: "2026-02-30" matches the format, but PostgreSQL would refuse it with a server error. */
export const calendarDaySchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD")
  .refine((value) => !Number.isNaN(Date.parse(value)) && new Date(value).toISOString().slice(0, 10) === value, "This day does not exist");

const linkedIdValue = z.union([z.string(), z.bigint(), z.number()]).nullish();

function toLinkedId(value: z.output<typeof linkedIdValue>, ctx: z.RefinementCtx): bigint | null {
  if (value === null || value === undefined || value === "") return null;
  const parsed = idSchema.safeParse(value);
  if (!parsed.success) {
    ctx.addIssue({ code: "custom", message: "Must be a numeric id" });
    return z.NEVER;
  }
  return parsed.data;
}

/** A link to another row: empty means none. */
export const optionalLinkIdSchema = linkedIdValue.transform(toLinkedId);
/** A link in an update: absent keeps it, empty or null removes it. */
export const changedLinkIdSchema = linkedIdValue.transform((value, ctx) => (value === undefined ? undefined : toLinkedId(value, ctx)));

/** A list page's filters from its URL, parsed by the page on the server; `fallback` when they do not parse. */
export function filtersFromPageParams<T extends z.ZodType>(schema: T, params: PageSearchParams, fallback: z.output<T>): z.output<T> {
  const parsed = schema.safeParse(searchParamsObject(params));
  return parsed.success ? parsed.data : fallback;
}
