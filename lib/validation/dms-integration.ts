import { z } from "zod";
import type { dmsTypes } from "@/lib/value-sets";
import { expectedUpdatedAtSchema, idSchema } from "./common";

export type DmsType = (typeof dmsTypes)[number];

const dealerIdSchema = z.string().trim().min(1, "Enter the id the DMS gave your store").max(100, "At most 100 characters");
const endpointUrlSchema = z
  .string()
  .trim()
  .min(1, "Enter the endpoint URL")
  .max(500, "At most 500 characters")
  .pipe(z.url({ protocol: /^https?$/, message: "Enter a URL starting with https://" }));
const clientIdSchema = z.string().trim().min(1, "Enter the client id").max(200, "At most 200 characters");
const syncIntervalSchema = z.coerce
  .number({ message: "Enter a number of minutes" })
  .int("Whole minutes only")
  .min(5, "At least 5 minutes")
  .max(1440, "At most 1,440 minutes (a day)");

const requiredSecret = z.string().trim().min(1, "Enter the secret").max(500, "At most 500 characters");
// On edit an empty secret keeps the stored one.
const optionalSecret = z
  .string()
  .trim()
  .max(500, "At most 500 characters")
  .optional()
  .transform((value) => value || undefined);

/** Free JSON for "Other": an object, given as one or as its JSON text (the form's textarea). */
const jsonObjectSchema = z.unknown().transform((value, ctx) => {
  let parsed: unknown = value;
  if (typeof value === "string") {
    try {
      parsed = JSON.parse(value.trim() || "{}");
    } catch {
      ctx.addIssue({ code: "custom", message: "Enter valid JSON, e.g. {\"dealerId\": \"123\"}" });
      return z.NEVER;
    }
  }
  if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
    ctx.addIssue({ code: "custom", message: "Enter a JSON object ({ … })" });
    return z.NEVER;
  }
  if (JSON.stringify(parsed).length > 10000) {
    ctx.addIssue({ code: "custom", message: "At most 10,000 characters of JSON" });
    return z.NEVER;
  }
  return parsed as Record<string, unknown>;
});

function typedConfigs(secret: typeof requiredSecret | typeof optionalSecret) {
  const withClient = z.object({ dealerId: dealerIdSchema, endpointUrl: endpointUrlSchema, clientId: clientIdSchema, secret, syncIntervalMinutes: syncIntervalSchema });
  return {
    CDK: withClient,
    Reynolds: withClient,
    Dealertrack: withClient,
    Tekion: withClient,
    PBS: z.object({ dealerId: dealerIdSchema, endpointUrl: endpointUrlSchema, secret, syncIntervalMinutes: syncIntervalSchema }),
  };
}

const nameSchema = z.string().trim().min(1, "Enter a name").max(100, "At most 100 characters");

function integrationSchema(secret: typeof requiredSecret | typeof optionalSecret) {
  const configs = typedConfigs(secret);
  return z.discriminatedUnion("type", [
    z.object({ name: nameSchema, type: z.literal("CDK"), config: configs.CDK }),
    z.object({ name: nameSchema, type: z.literal("Reynolds"), config: configs.Reynolds }),
    z.object({ name: nameSchema, type: z.literal("Dealertrack"), config: configs.Dealertrack }),
    z.object({ name: nameSchema, type: z.literal("Tekion"), config: configs.Tekion }),
    z.object({ name: nameSchema, type: z.literal("PBS"), config: configs.PBS }),
    z.object({ name: nameSchema, type: z.literal("Other"), config: jsonObjectSchema }),
  ]);
}

/** New integration: the typed DMSs need their secret. */
export const dmsIntegrationCreateInput = integrationSchema(requiredSecret);
/** Edit: same shape; an empty secret keeps the stored one. */
export const dmsIntegrationUpdateInput = z.intersection(z.object({ id: idSchema, expectedUpdatedAt: expectedUpdatedAtSchema }), integrationSchema(optionalSecret));
export const dmsIntegrationSetActiveInput = z.object({ id: idSchema, isActive: z.boolean() });
export const dmsIntegrationDeleteInput = z.object({ id: idSchema });

export type DmsIntegrationInput = z.output<typeof dmsIntegrationCreateInput> | z.output<typeof dmsIntegrationUpdateInput>;

export { dmsFieldLabels } from "@/lib/value-sets";

/** Keys of an "Other" config that hold secrets: encrypted and masked like the typed ones' `secret`. */
export const secretConfigKey = /(secret|password|passwd|token|api_?key|private_?key)$/i;
