import { z } from "zod";
import { callOutcomes, callStatuses, campaignTypes, serviceRecordStatuses } from "@/lib/value-sets";
import { openBookingStatuses } from "./booking";
import { toE164 } from "./phone";

// The voice engine's REST API (/api/v1): request and response bodies, snake_case on the wire.
// The route handlers validate with these schemas and the OpenAPI document is generated from them.

export const dialQueueMaxLimit = 50;
export const maxTranscriptTurns = 2_000;
export const maxAudioBytes = 100 * 1024 * 1024;
/** A claimed call with no report for this long is released as failed (and counts as an attempt). */
export const staleClaimMinutes = 15;

/** Call statuses the engine reports; `queued` is the dial queue's own state. */
export const reportedCallStatuses = callStatuses.filter((status) => status !== "queued") as Exclude<(typeof callStatuses)[number], "queued">[];
export const transcriptRoles = ["user", "assistant", "tool"] as const;
export const audioFormats = ["wav", "mp3", "ogg"] as const;
export type AudioFormat = (typeof audioFormats)[number];

/** Text PostgreSQL can store: no NUL characters. */
const storableText = (max: number) =>
  z
    .string({ error: (issue) => (issue.input === undefined ? "Required" : "Must be text") })
    .max(max, `At most ${max.toLocaleString("en-US")} characters`)
    .refine((value) => !value.includes("\u0000"), "Must not contain NUL characters");

const dateTime = z.iso
  .datetime({ offset: true, message: "Use an ISO 8601 date-time with a time zone, e.g. 2026-11-25T15:04:05Z" })
  .transform((value) => new Date(value));

const idString = z.union([z.string(), z.number()], { message: "Must be a numeric id" }).transform((value, ctx) => {
  const text = String(value).trim();
  if (!/^[1-9]\d{0,17}$/.test(text)) {
    ctx.addIssue({ code: "custom", message: "Must be a numeric id" });
    return z.NEVER;
  }
  return BigInt(text);
});

const phoneNumber = z
  .string()
  .trim()
  .max(30, "At most 30 characters")
  .transform((value, ctx) => {
    const normalized = toE164(value);
    if (!normalized) {
      ctx.addIssue({ code: "custom", message: "Enter a valid phone number, e.g. +16145550100" });
      return z.NEVER;
    }
    return normalized;
  });

export const claimRequest = z
  .object({ limit: z.number({ message: "Must be a number" }).int("Whole number").min(1, "At least 1").max(dialQueueMaxLimit, `At most ${dialQueueMaxLimit}`).default(1) });
export type ClaimRequest = z.output<typeof claimRequest>;

export const transcriptTurn = z
  .object({
    role: z.enum(transcriptRoles, { message: `One of ${transcriptRoles.join(", ")}` }),
    content: storableText(20_000),
    timestamp: dateTime.optional(),
  });

export const bookingReport = z
  .object({
    scheduled_time: dateTime,
    status: z.enum(openBookingStatuses, { message: `One of ${openBookingStatuses.join(", ")}` }).default("Pending"),
  });

const reportFields = {
  status: z.enum(reportedCallStatuses, { message: `One of ${reportedCallStatuses.join(", ")}` }),
  start_time: dateTime.nullish(),
  end_time: dateTime.nullish(),
  duration_sec: z.number({ message: "Must be a number" }).int("Whole seconds").min(0, "Not negative").max(86_400, "At most 24 hours").nullish(),
  outcome: z.enum(callOutcomes, { message: `One of ${callOutcomes.join(", ")}` }).nullish(),
  /** The whole transcript so far: it replaces the stored turns, so a repeated report stores them once. */
  transcript: z.array(transcriptTurn).max(maxTranscriptTurns, `At most ${maxTranscriptTurns} turns`).optional(),
  booking: bookingReport.nullish(),
};

type ReportShape = { status: string; start_time?: Date | null; end_time?: Date | null; booking?: unknown };

function reportRules(report: ReportShape, ctx: z.RefinementCtx) {
  if (report.start_time && report.end_time && report.end_time < report.start_time) {
    ctx.addIssue({ code: "custom", path: ["end_time"], message: "Must not be before start_time" });
  }
  if (report.booking && report.status !== "completed") {
    ctx.addIssue({ code: "custom", path: ["booking"], message: "Only a completed call can carry a booking" });
  }
}

export const callReportRequest = z
  .object({ ...reportFields, external_id: storableText(100).trim().min(1, "Must not be empty").optional() })
  .superRefine(reportRules);
export type CallReport = z.output<typeof callReportRequest>;

export const inboundCallRequest = z
  .object({
    ...reportFields,
    external_id: storableText(100).trim().min(1, "Must not be empty"),
    customer_number: phoneNumber.nullish(),
    campaign_id: idString.nullish(),
    agent_id: idString.nullish(),
    service_record_id: idString.nullish(),
  })
  .superRefine(reportRules);
export type InboundCall = z.output<typeof inboundCallRequest>;

// Responses (documentation and the reference client).

const nullableString = z.string().nullable();

export const claimedCall = z
  .object({
    call_id: z.string(),
    claimed_at: z.string(),
    report_by: z.string().describe("Report before this moment, or the claim is released as failed"),
    attempt: z.number().int().describe("1 for the first call to this record"),
    max_attempts: z.number().int(),
    campaign: z.object({ id: z.string(), name: z.string(), type: z.enum(campaignTypes), time_zone: z.string() }),
    agent: z.object({ id: z.string(), name: z.string(), description: nullableString, voice: nullableString, language: z.string() }).nullable(),
    customer: z.object({ name: nullableString, phone: z.string() }),
    vehicle: z.object({ description: nullableString }),
    service: z.object({ record_id: z.string(), type: nullableString, status: z.enum(serviceRecordStatuses).or(z.string()), appointment_date: nullableString }),
  });
export type ClaimedCall = z.infer<typeof claimedCall>;

export const claimResponse = z
  .object({
    calls: z.array(claimedCall),
    blocked: z.enum(["credit_limit"]).nullable().describe("Why the queue gives nothing at all, when it is the organization's state"),
  });

export const callResource = z
  .object({
    id: z.string(),
    external_id: nullableString,
    direction: z.enum(["outbound", "inbound"]),
    status: z.enum(callStatuses),
    outcome: z.enum(callOutcomes).nullable(),
    start_time: nullableString,
    end_time: nullableString,
    duration_sec: z.number().int().nullable(),
    customer_number: nullableString,
    campaign_id: nullableString,
    service_record_id: nullableString,
    agent_id: nullableString,
    transcript_turns: z.number().int(),
    booking: z.object({ id: z.string(), scheduled_time: nullableString, status: z.string() }).nullable(),
    credits_debited: nullableString.describe("Credits this call cost (a decimal string), once it is connected"),
    audio: z.object({ format: nullableString, size_bytes: z.number().int().nullable() }).nullable(),
  });
export type CallResource = z.infer<typeof callResource>;

export const apiErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.array(z.string())).optional().describe("Each invalid field (dotted path) with its messages"),
    }),
  });
export type ApiErrorBody = z.infer<typeof apiErrorBody>;
