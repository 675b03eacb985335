import { z } from "zod";
import { expectedUpdatedAtSchema } from "./common";
import { invalidPhoneMessage } from "./phone-field";
import { toE164 } from "./phone";
import type { KnownSettingKey } from "./setting";
import {
  agentGreetingSchema,
  businessHoursSchema,
  callerIdRequiredMessage,
  customSettingKeySchema,
  customSettingValueSchema,
  isKnownSettingKey,
  retryPolicySchema,
  timezoneSchema,
} from "./setting";

// Apart from ./setting.ts: the server's input parses the caller ID with the phone metadata (~29 kB gzip), which the
// settings page does not load.

/** The caller ID as stored: a valid number, E.164. */
export const callerIdSchema = z
  .string()
  .trim()
  .min(1, callerIdRequiredMessage)
  .max(30, "At most 30 characters")
  .transform((value, ctx) => {
    const normalized = toE164(value);
    if (normalized) return normalized;
    ctx.addIssue({ code: "custom", message: invalidPhoneMessage });
    return z.NEVER;
  });

const knownValueSchemas = {
  timezone: timezoneSchema,
  business_hours: businessHoursSchema,
  caller_id: callerIdSchema,
  agent_greeting: agentGreetingSchema,
  retry_policy: retryPolicySchema,
} satisfies Record<KnownSettingKey, z.ZodType>;

/** The string a setting's value is stored as: JSON for the structured ones. */
function storedValue(key: string, value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * One input for every key: the value is checked by the schema of its key (typed editors for the
 * known keys, free text for custom ones) and comes out as the string that is stored.
 */
export const settingUpsertInput = z
  .object({ key: z.string().trim().min(1, "Enter a key").max(100, "At most 100 characters"), value: z.unknown(), expectedUpdatedAt: expectedUpdatedAtSchema })
  .transform((input, ctx) => {
    const keyCheck = isKnownSettingKey(input.key) ? null : customSettingKeySchema.safeParse(input.key);
    if (keyCheck && !keyCheck.success) {
      for (const issue of keyCheck.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: ["key"] });
      return z.NEVER;
    }
    const schema: z.ZodType = isKnownSettingKey(input.key) ? knownValueSchemas[input.key] : customSettingValueSchema;
    const parsed = schema.safeParse(input.value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) ctx.addIssue({ code: "custom", message: issue.message, path: ["value", ...issue.path] });
      return z.NEVER;
    }
    return { key: input.key, value: storedValue(input.key, parsed.data), expectedUpdatedAt: input.expectedUpdatedAt };
  });
