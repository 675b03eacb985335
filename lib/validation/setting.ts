import { z } from "zod";
import { knownSettingKeys } from "@/lib/value-sets";
import { requiredPhoneFieldSchema } from "./phone-field";

export const callerIdRequiredMessage = "Enter the number calls come from";

export type KnownSettingKey = (typeof knownSettingKeys)[number];

export const weekdayKeys = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type WeekdayKey = (typeof weekdayKeys)[number];
export const weekdayLabels: Record<WeekdayKey, string> = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" };

/** IANA zones the runtime knows, plus UTC (which `supportedValuesOf` leaves out). */
export function supportedTimezones(): string[] {
  return ["UTC", ...Intl.supportedValuesOf("timeZone")];
}

export const timezoneSchema = z
  .string()
  .trim()
  .min(1, "Choose a time zone")
  .refine((value) => supportedTimezones().includes(value), "Choose a time zone from the list (IANA name, e.g. America/New_York)");

const clockSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM, 24-hour");
const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));

export const timeRangeSchema = z
  .object({ start: clockSchema, end: clockSchema })
  .refine((range) => minutesOf(range.end) > minutesOf(range.start), { message: "The end must be after the start", path: ["end"] });

const dayRangesSchema = z
  .array(timeRangeSchema)
  .max(6, "At most 6 ranges a day")
  .superRefine((ranges, ctx) => {
    const sorted = ranges.map((range, index) => ({ ...range, index })).sort((a, b) => minutesOf(a.start) - minutesOf(b.start));
    for (let position = 1; position < sorted.length; position++) {
      const previous = sorted[position - 1]!;
      const current = sorted[position]!;
      if (minutesOf(current.start) < minutesOf(previous.end)) {
        ctx.addIssue({ code: "custom", message: `Overlaps ${previous.start}–${previous.end}`, path: [current.index, "start"] });
      }
    }
  });

export const businessHoursSchema = z.object({
  mon: dayRangesSchema,
  tue: dayRangesSchema,
  wed: dayRangesSchema,
  thu: dayRangesSchema,
  fri: dayRangesSchema,
  sat: dayRangesSchema,
  sun: dayRangesSchema,
});
export type BusinessHours = z.infer<typeof businessHoursSchema>;

/** The caller ID as its form checks it; the server parses the number (./setting-input.ts). */
export const callerIdFieldSchema = requiredPhoneFieldSchema(callerIdRequiredMessage);

export const agentGreetingSchema = z.string().trim().min(1, "Write a greeting").max(1000, "At most 1,000 characters");

export const retryPolicySchema = z.object({
  maxAttempts: z.coerce.number({ message: "Enter a number" }).int("Whole numbers only").min(1, "At least 1 attempt").max(10, "At most 10 attempts"),
  retryDelayMinutes: z.coerce
    .number({ message: "Enter a number" })
    .int("Whole numbers only")
    .min(1, "At least 1 minute")
    .max(10080, "At most 10,080 minutes (a week)"),
});
export type RetryPolicy = z.infer<typeof retryPolicySchema>;

// The spec allows letters, digits, dots and dashes; underscores too, because the product's own keys
// (business_hours) and existing custom keys (crm.sync_enabled) use them.
export const customSettingKeySchema = z
  .string()
  .trim()
  .min(1, "Enter a key")
  .max(100, "At most 100 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "Letters, digits, dots, dashes and underscores only, starting with a letter or digit")
  .refine((key) => !(knownSettingKeys as readonly string[]).includes(key.toLowerCase()), "This key has its own editor above");

export const customSettingValueSchema = z.string().max(10000, "At most 10,000 characters");

export const customSettingInput = z.object({ key: customSettingKeySchema, value: customSettingValueSchema });
export type CustomSettingFormValues = z.input<typeof customSettingInput>;

export function isKnownSettingKey(key: string): key is KnownSettingKey {
  return (knownSettingKeys as readonly string[]).includes(key);
}

export const settingDeleteInput = z.object({ key: z.string().trim().min(1).max(100) });

/** Reads a stored JSON setting, or null when it is missing or no longer valid. */
export function parseStoredSetting<T>(schema: z.ZodType<T>, value: string | null | undefined): T | null {
  if (!value) return null;
  try {
    const parsed = schema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
