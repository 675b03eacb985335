import { z } from "zod";
import { calendarDaySchema, idSchema } from "./common";

export const weekdays = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export type Weekday = (typeof weekdays)[number];
export const weekdayLabels: Record<Weekday, string> = { mon: "Monday", tue: "Tuesday", wed: "Wednesday", thu: "Thursday", fri: "Friday", sat: "Saturday", sun: "Sunday" };

export const earliestCallTime = "08:00";
export const latestCallTime = "21:00";
export const maxRetryDelayMinutes = 10_080;

const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use HH:MM (24-hour)");
const isoDate = calendarDaySchema;

export function minutesOfDay(time: string): number {
  const [hours = "0", minutes = "0"] = time.split(":");
  return Number(hours) * 60 + Number(minutes);
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: value });
    return value.includes("/") || value === "UTC";
  } catch {
    return false;
  }
}

export const callingWindow = z
  .object({ start: timeOfDay, end: timeOfDay })
  .superRefine((window, ctx) => {
    if (minutesOfDay(window.end) <= minutesOfDay(window.start)) ctx.addIssue({ code: "custom", path: ["end"], message: "The end must be after the start" });
    if (minutesOfDay(window.start) < minutesOfDay(earliestCallTime)) ctx.addIssue({ code: "custom", path: ["start"], message: `Calls start at ${earliestCallTime} at the earliest` });
    if (minutesOfDay(window.end) > minutesOfDay(latestCallTime)) ctx.addIssue({ code: "custom", path: ["end"], message: `Calls end by ${latestCallTime} at the latest` });
  });
export type CallingWindow = z.infer<typeof callingWindow>;

const dayWindows = z
  .array(callingWindow)
  .max(6, "At most 6 windows a day")
  .superRefine((windows, ctx) => {
    const sorted = windows.map((window, index) => ({ ...window, index })).sort((a, b) => minutesOfDay(a.start) - minutesOfDay(b.start));
    for (let position = 1; position < sorted.length; position += 1) {
      const previous = sorted[position - 1]!;
      const current = sorted[position]!;
      if (minutesOfDay(current.start) < minutesOfDay(previous.end)) {
        ctx.addIssue({ code: "custom", path: [current.index, "start"], message: `Overlaps ${previous.start}–${previous.end}` });
      }
    }
  });

const weeklyWindows = z.object(Object.fromEntries(weekdays.map((day) => [day, dayWindows.default([])])) as Record<Weekday, z.ZodDefault<typeof dayWindows>>);
export type WeeklyWindows = Record<Weekday, CallingWindow[]>;

/** schedule_config.config_json, version 1 (DESIGN.md). The form and the router validate with this. */
export const scheduleConfigSchema = z
  .object({
    version: z.literal(1).default(1),
    timezone: z.string().trim().min(1, "Choose a time zone").refine(isTimeZone, "Not a known IANA time zone, e.g. America/New_York"),
    startDate: isoDate,
    endDate: z
      .union([isoDate, z.literal("")])
      .optional()
      .transform((value) => value || undefined),
    windows: weeklyWindows,
    maxAttempts: z.coerce.number().int("Whole number").min(1, "At least 1").max(10, "At most 10"),
    retryDelayMinutes: z.coerce.number().int("Whole number").min(0, "Not negative").max(maxRetryDelayMinutes, "At most a week (10,080 minutes)"),
    concurrency: z.coerce.number().int("Whole number").min(1, "At least 1").max(100, "At most 100"),
  })
  .superRefine((config, ctx) => {
    if (config.endDate && config.endDate < config.startDate) ctx.addIssue({ code: "custom", path: ["endDate"], message: "The end date is before the start date" });
    if (!weekdays.some((day) => config.windows[day].length > 0)) ctx.addIssue({ code: "custom", path: ["windows"], message: "Add at least one calling window" });
  });
export type ScheduleConfig = z.output<typeof scheduleConfigSchema>;
export type ScheduleConfigFormValues = z.input<typeof scheduleConfigSchema>;

/** The upsert input is the config itself plus the campaign, so field errors name the config's fields. */
export const scheduleUpsertInput = z.intersection(z.object({ campaignId: idSchema }), scheduleConfigSchema);
export type ScheduleUpsertInput = z.output<typeof scheduleUpsertInput>;

export const scheduleGetInput = z.object({ campaignId: idSchema });

/** A stored config read back; null when it is not a valid version-1 config. */
export function parseStoredSchedule(json: unknown): ScheduleConfig | null {
  const parsed = scheduleConfigSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}
